package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
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

    /** The longest e-mail address an account can have (the column's length), after {@link #normalizeEmail}. */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** What a removed account is called wherever its name or e-mail address was shown. */
    public static final String FORMER = "voormalig account";

    /** The e-mail address a removed account keeps: unique per account (addresses are), never deliverable (.invalid). */
    public static String formerEmail(long id) {
        return "voormalig-account-" + id + "@verwijderd.invalid";
    }
    /** The longest display name (the column's length). */
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    /**
     * E-mail addresses are compared case-insensitively; H2 would not do that for us. The result is never longer
     * than the stripped input, so a length checked on the input holds for what is stored: where lower-casing
     * the whole text would lengthen it ("İ" becomes "i" plus a combining dot), each character is lower-cased
     * on its own instead, which keeps the length.
     */
    public static String normalizeEmail(String email) {
        if (email == null) {
            return "";
        }
        String stripped = email.strip();
        String lower = stripped.toLowerCase(java.util.Locale.ROOT);
        if (lower.length() <= stripped.length()) {
            return lower;
        }
        StringBuilder perCharacter = new StringBuilder(stripped.length());
        stripped.codePoints().map(Character::toLowerCase).forEach(perCharacter::appendCodePoint);
        return perCharacter.toString();
    }

    /** Dutch reason why the address cannot be an account's (empty, or too long once normalised), or null. */
    public static String emailProblem(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.isEmpty()) {
            return "Vul uw e-mailadres in.";
        }
        if (normalized.length() > MAX_EMAIL_LENGTH) {
            return "Het e-mailadres mag hoogstens " + MAX_EMAIL_LENGTH + " tekens lang zijn.";
        }
        return null;
    }
}
