package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A single-use code that stands in for the authenticator app; only its SHA-256 is stored. */
@MappedEntity("recovery_code")
public record RecoveryCode(@Id @GeneratedValue @Nullable Long id, long accountId, String codeHash,
                           @Nullable Instant usedAt) {
}
