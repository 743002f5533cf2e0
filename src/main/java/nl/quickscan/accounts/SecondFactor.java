package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An account's TOTP secret, sealed ({@link SecretSeal}); {@code confirmedAt} null while it is being set up;
 * {@code lastStep}: the last time step whose code was accepted.
 */
@MappedEntity("second_factor")
public record SecondFactor(@Id long accountId, String secretSealed, Instant createdAt, @Nullable Instant confirmedAt,
                           long lastStep) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
