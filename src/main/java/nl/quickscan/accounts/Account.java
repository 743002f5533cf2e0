package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("account")
public record Account(
        @Id @GeneratedValue @Nullable Long id,
        String email,
        String displayName,
        @Nullable String passwordHash,
        Role role,
        @Nullable Long gemeenteId,
        @Nullable Long regioId,
        boolean active,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt) {

    public static Account invited(String email, String displayName, Role role, @Nullable Long gemeenteId,
                                  @Nullable Long regioId, Instant now) {
        return new Account(null, normalizeEmail(email), displayName.strip(), null, role, gemeenteId, regioId,
                true, 0, null, now);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** E-mail addresses are compared case-insensitively; H2 would not do that for us. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
