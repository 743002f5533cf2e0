package nl.quickscan.accounts;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import nl.quickscan.database.DemoMode;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals TOTP secrets for the database with AES-GCM, so that a copy of the database alone does not give the codes.
 * The key comes from QUICKSCAN_TOTP_KEY, or else from the secret every instance shares (QUICKSCAN_JWT_SECRET). In
 * demo mode without QUICKSCAN_TOTP_KEY it is a fixed one: the demo's JWT secret is new at every start, and a second
 * factor set up in the demo must survive a restart as the demo's data does (demo mode is never for production).
 */
@Singleton
class SecretSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private static final String DEMO_KEY = "quickscan demo mode: second factors survive a restart";

    SecretSeal(@Value("${quickscan.totp.key:}") String totpKey, @Value("${quickscan.jwt-secret}") String jwtSecret,
               @Nullable @Property(name = "quickscan.demo") Boolean demo,
               @Value("${datasources.default.url}") String datasourceUrl) {
        String source = totpKey != null && !totpKey.isBlank() ? totpKey
                : DemoMode.on(demo, datasourceUrl) ? DEMO_KEY : jwtSecret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(source.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal("quickscan totp key".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The secret; empty when it was sealed with another key (QUICKSCAN_TOTP_KEY or QUICKSCAN_JWT_SECRET changed). */
    Optional<String> open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
