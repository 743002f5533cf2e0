package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import nl.quickscan.text.DutchFormat;

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
        @Nullable Instant lastLoginAt,
        @Nullable String gemeenteCbsCode,
        @Nullable String gemeenteName,
        @Nullable Long regioId,
        @Nullable String regioName,
        @Nullable String ssoProvider) {

    public String roleLabel() {
        return role.label();
    }

    /** Locked after too many failed logins, until the lock expires or is lifted. */
    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }

    /** "Nooit ingelogd", or the last login in Dutch. */
    public String lastLogin() {
        return lastLoginAt == null ? "Nooit ingelogd" : DutchFormat.dateTime(lastLoginAt);
    }

    /** How the account signs in: its password, or the identity provider of its last sign-in (SSO), or both. */
    public String signIn() {
        if (ssoProvider == null) {
            return "Met wachtwoord";
        }
        return "Via eigen organisatie (" + ssoProvider + ")" + (hasPassword ? " of met wachtwoord" : "");
    }

    public AccountStatus statusOf() {
        if (!active) {
            return AccountStatus.GEDEACTIVEERD;
        }
        if (locked()) {
            return AccountStatus.GEBLOKKEERD;
        }
        // An account that signs in through its organisation needs no password of its own.
        return hasPassword || ssoProvider != null ? AccountStatus.ACTIEF : AccountStatus.UITNODIGING;
    }

    public String status() {
        return statusOf().label();
    }
}
