package nl.quickscan.accounts.sso;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The state of a sign-in between the redirect to the provider and its way back, kept in the browser: the cookie
 * {@value #COOKIE} names the provider, a random {@code state}, where to go afterwards and until when, signed with the
 * app's secret. The nonce and the PKCE code verifier are derived from the state with that secret, so that they never
 * leave the app except to the provider, and several app instances agree on them without a shared store. The callback
 * is accepted only in the browser that started the sign-in (the cookie) and only with that cookie's state.
 */
@Singleton
public class SsoFlow {

    public static final String COOKIE = "QUICKSCAN_SSO";
    /** Time to sign in at the provider. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key of its own, derived from the shared secret as the CSRF key is, so that no signature serves both. */
    private final SecretKeySpec key;

    SsoFlow(@Value("${quickscan.jwt-secret}") String secret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "quickscan sso key"), "HmacSHA256");
    }

    /** A started sign-in: what goes to the provider, and the cookie that keeps it. */
    public record Started(String state, String nonce, String codeChallenge, String cookie) {
    }

    /** A sign-in come back with the state of its cookie: where to go afterwards, and what the token must carry. */
    public record Pending(String provider, String returnPath, String nonce, String codeVerifier) {
    }

    public Started start(String provider, String returnPath, Instant now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String state = BASE64URL.encodeToString(random);
        String payload = BASE64URL.encodeToString(String.join("\n", provider, state, returnPath,
                String.valueOf(now.plus(LIFETIME).getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        String challenge = BASE64URL.encodeToString(sha256(codeVerifier(state)));
        return new Started(state, nonce(state), challenge, payload + "." + sign(payload));
    }

    public Pending resume(String provider, String cookie, String state, Instant now) throws SsoRefusal {
        if (cookie == null || cookie.isEmpty()) {
            throw new SsoRefusal(SsoProblem.STATE, "no sign-in was started in this browser (no " + COOKIE + " cookie)");
        }
        int dot = cookie.indexOf('.');
        if (dot < 0 || !MessageDigest.isEqual(sign(cookie.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw new SsoRefusal(SsoProblem.STATE, "the " + COOKIE + " cookie is not signed by this app");
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(cookie.substring(0, dot)), StandardCharsets.UTF_8)
                .split("\n", -1);
        if (parts.length != 4 || !parts[0].equals(provider)) {
            throw new SsoRefusal(SsoProblem.STATE, "the sign-in was started for another provider");
        }
        if (state == null || !MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII))) {
            throw new SsoRefusal(SsoProblem.STATE, "wrong state: not the one of the sign-in started in this browser");
        }
        if (Instant.ofEpochSecond(Long.parseLong(parts[3])).isBefore(now)) {
            throw new SsoRefusal(SsoProblem.STATE, "the sign-in took longer than " + LIFETIME.toMinutes() + " minutes");
        }
        return new Pending(provider, parts[2], nonce(parts[1]), codeVerifier(parts[1]));
    }

    private String nonce(String state) {
        return sign("nonce\n" + state);
    }

    /** 43 characters of [A-Za-z0-9_-], as RFC 7636 4.1 asks. */
    private String codeVerifier(String state) {
        return sign("pkce\n" + state);
    }

    private String sign(String text) {
        return BASE64URL.encodeToString(hmac(key, text));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
