package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.quickscan.text.DutchFormat;

import java.time.Duration;
import java.time.Instant;

/** A single-use link to choose a password; only the SHA-256 of its token is stored. */
@MappedEntity("invitation")
public record Invitation(@Id String tokenHash, long accountId, long createdBy, Instant createdAt, Instant expiresAt,
                         @Nullable Instant usedAt, Purpose purpose) {

    /** What a link is for: each works only on its own page, and only for as long as its validity. */
    public enum Purpose {
        /** A new account holder chooses a first password; the link may be shown to the inviter. */
        INVITATION(Duration.ofDays(7), "/uitnodiging/"),
        /** The holder of an account with a password chooses a new one; the link goes only to the account's own address. */
        PASSWORD_RESET(Duration.ofHours(1), "/wachtwoord-herstellen/");

        private final Duration validity;
        private final String path;

        Purpose(Duration validity, String path) {
            this.validity = validity;
            this.path = path;
        }

        public Duration validity() {
            return validity;
        }

        /** The validity in Dutch ("7 dagen"), for the page and the e-mail. */
        public String validityText() {
            return DutchFormat.duration(validity);
        }

        /** The path of the link without its token, for example "/uitnodiging/". */
        public String path() {
            return path;
        }
    }
}
