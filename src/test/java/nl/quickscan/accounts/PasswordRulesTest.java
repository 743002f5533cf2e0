package nl.quickscan.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordRulesTest {

    @Test
    void newPasswordsNeedTwelveToSeventyTwoCharacters() {
        assertEquals("Kies een wachtwoord van minstens 12 tekens.", PasswordHasher.problemWith("elf-tekens!"));
        assertNull(PasswordHasher.problemWith("twaalf-tekens"));
        assertEquals("Kies een wachtwoord van hoogstens 72 tekens.", PasswordHasher.problemWith("x".repeat(73)));
        assertEquals("Een wachtwoord van alleen spaties kan niet.", PasswordHasher.problemWith(" ".repeat(12)));
    }

    @Test
    void hashesVerifyOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher(4);
        String hash = hasher.hash("correct horse battery");
        assertTrue(hasher.matches("correct horse battery", hash));
        assertFalse(hasher.matches("correct horse batterY", hash));
        assertFalse(hasher.matches("", hash));
        assertFalse(hasher.matches("correct horse battery", null), "no account: compared against a dummy, never true");
    }

    @Test
    void theReturnPathAfterLoginStaysOnThisSite() {
        assertEquals("/accounts/3", LoginController.safeReturnPath("/accounts/3"));
        assertEquals("/", LoginController.safeReturnPath("https://evil.example/"));
        assertEquals("/", LoginController.safeReturnPath("//evil.example/"));
        assertEquals("/", LoginController.safeReturnPath("/\\evil.example"));
        assertEquals("/", LoginController.safeReturnPath(null));
        assertEquals("/", LoginController.safeReturnPath("/login?terug=/login"));
        assertEquals("/", LoginController.safeReturnPath("/a b"), "not a valid URI: never a 500 after login");
        assertEquals("/", LoginController.safeReturnPath("/é"));
        assertEquals("/scans/3?ingediend=1", LoginController.safeReturnPath("/scans/3?ingediend=1"));
    }
}
