package nl.quickscan.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The CSRF token of a login session ({@link CsrfFilter}): a keyed hash of the session, with a key derived from the
 * secret every instance shares, so that any instance accepts the token.
 */
@Singleton
public final class CsrfTokens {

    private final SecretKeySpec key;
    private final Mac sessionMac;

    CsrfTokens(@Value("${quickscan.jwt-secret}") String secret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "quickscan csrf key"), "HmacSHA256");
        this.sessionMac = mac(key);
    }

    String forSession(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("session:" + sessionId));
    }

    /**
     * The forms of the page that answers this request belong to the session it opens: the login that shows a kept
     * form right away, before the browser has the new session's cookie.
     */
    public void useSession(HttpRequest<?> request, String sessionId) {
        request.setAttribute(RequestAttributes.CSRF_TOKEN, forSession(sessionId));
    }

    private byte[] hmac(String message) {
        try {
            // A copy of the initialised prototype: cheaper per request than looking the algorithm up again.
            return ((Mac) sessionMac.clone()).doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            return hmac(key, message);
        }
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        return mac(key).doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
