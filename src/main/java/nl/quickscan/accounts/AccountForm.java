package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What the account pages post. All fields optional here; {@link AccountAdmin} says what is missing. */
@Serdeable
public record AccountForm(@Nullable String email, @Nullable String displayName, @Nullable String role,
                          @Nullable String gemeente, @Nullable String regio, @Nullable String active) {

    boolean activeChecked() {
        return active != null && !active.isBlank();
    }
}
