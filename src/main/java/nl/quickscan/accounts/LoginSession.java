package nl.quickscan.accounts;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("login_session")
public record LoginSession(@Id String id, long accountId, Instant createdAt, Instant expiresAt) {
}
