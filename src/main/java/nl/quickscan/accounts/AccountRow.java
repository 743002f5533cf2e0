package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** An account as the overview pages and the API show it, with its gemeente and regio. */
@Introspected
public record AccountRow(
        long id,
        String email,
        String displayName,
        Role role,
        boolean active,
        @Nullable Instant lockedUntil,
        boolean hasPassword,
        @Nullable String gemeenteCbsCode,
        @Nullable String gemeenteName,
        @Nullable Long regioId,
        @Nullable String regioName) {

    public String roleLabel() {
        return role.label();
    }

    /** Locked after too many failed logins, until the lock expires or is lifted. */
    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }

    public String status() {
        if (!active) {
            return "Gedeactiveerd";
        }
        if (locked()) {
            return "Tijdelijk geblokkeerd";
        }
        return hasPassword ? "Actief" : "Uitnodiging open";
    }
}
