package nl.quickscan.accounts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {

    /** RFC 6238 appendix B, SHA1 key: the 8-digit codes given there, of which authenticator apps show the last 6. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238TestVectors() {
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
                {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] vector : vectors) {
            long step = Totp.stepAt(Instant.ofEpochSecond(vector[0]));
            assertEquals(String.format("%08d", vector[1]), Totp.code(RFC_KEY, step, 8), "8 digits at " + vector[0]);
            assertEquals(String.format("%08d", vector[1]).substring(2), Totp.code(RFC_KEY, step, 6), "6 digits at " + vector[0]);
            assertEquals(Totp.code(RFC_KEY, step, 6), Totp.code(Totp.base32(RFC_KEY), step), "through base32");
        }
    }

    @Test
    void base32OfTheRfcKeyAndBack() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_KEY));
        assertEquals(new String(RFC_KEY, StandardCharsets.US_ASCII),
                new String(Totp.base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), StandardCharsets.US_ASCII));
    }

    @Test
    void aNewSecretIsTwentyRandomBytes() {
        String one = Totp.newSecret();
        assertEquals(32, one.length());
        assertEquals(20, Totp.base32Decode(one).length);
        assertFalse(one.equals(Totp.newSecret()));
        assertEquals(39, Totp.grouped(one).length(), "8 groups of 4 with 7 spaces");
    }

    @Test
    void aWindowOfOneStepEitherSide() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.stepAt(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertEquals(step + offset, Totp.matchingStep(secret, Totp.code(secret, step + offset), now).getAsLong());
        }
        assertTrue(Totp.matchingStep(secret, Totp.code(secret, step - 2), now).isEmpty(), "a minute old");
        assertTrue(Totp.matchingStep(secret, Totp.code(secret, step + 2), now).isEmpty(), "a minute ahead");
        assertTrue(Totp.matchingStep(secret, "12345", now).isEmpty());
    }

    @Test
    void theAddressAppsRead() {
        assertEquals("otpauth://totp/Quickscan%20seksueel%20geweld:a%40b.nl?secret=ABC&issuer=Quickscan%20seksueel%20geweld"
                + "&algorithm=SHA1&digits=6&period=30", Totp.uri("Quickscan seksueel geweld", "a@b.nl", "ABC"));
    }

    @Test
    void unknownRolesStopTheApp() {
        assertEquals(java.util.Set.of(nl.quickscan.identity.Role.BEHEERDER), SecondFactors.roles(" beheerder ,"));
        assertTrue(SecondFactors.roles("").isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> SecondFactors.roles("ADMIN"));
    }
}
