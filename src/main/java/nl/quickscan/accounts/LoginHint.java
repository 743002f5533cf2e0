package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The e-mail address a person just chose a password for, carried to the login page that follows (for ten minutes,
 * once) so that they need not type it again; in a cookie rather than the address, where logs and history would keep
 * it. Only ever a value for the form's field: it signs nobody in.
 */
final class LoginHint {

    static final String COOKIE = "quickscan_login_hint";
    private static final String PATH = "/login";
    private static final int MAX_LENGTH = 254;

    private LoginHint() {
    }

    static Cookie of(String email, boolean secure) {
        return Cookie.of(COOKIE, URLEncoder.encode(email, StandardCharsets.UTF_8)).path(PATH).httpOnly(true)
                .sameSite(SameSite.Strict).secure(secure).maxAge(600);
    }

    /** Removes the hint once the login page has shown it. */
    static Cookie cleared(boolean secure) {
        return Cookie.of(COOKIE, "").path(PATH).httpOnly(true).sameSite(SameSite.Strict).secure(secure).maxAge(0);
    }

    /** The address in the cookie, or null for none or for anything that is not one. */
    @Nullable
    static String read(@Nullable String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 3 * MAX_LENGTH) {
            return null;
        }
        try {
            String email = URLDecoder.decode(cookie, StandardCharsets.UTF_8);
            return email.length() <= MAX_LENGTH && email.indexOf('@') > 0 && email.chars().noneMatch(Character::isISOControl)
                    ? email : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
