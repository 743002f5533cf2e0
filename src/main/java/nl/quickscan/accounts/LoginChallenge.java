package nl.quickscan.accounts;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The step between a right password and the code: single use, short-lived; only the SHA-256 of its token is stored. */
@MappedEntity("login_challenge")
public record LoginChallenge(@Id String tokenHash, long accountId, Instant expiresAt) {
}
