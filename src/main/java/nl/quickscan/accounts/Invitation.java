package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("invitation")
public record Invitation(@Id String tokenHash, long accountId, long createdBy, Instant createdAt, Instant expiresAt,
                         @Nullable Instant usedAt) {
}
