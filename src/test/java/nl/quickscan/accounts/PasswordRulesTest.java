package nl.quickscan.accounts;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordRulesTest {

    @Test
    void newPasswordsNeedTwelveCharactersAndAtMostSeventyTwoBytes() {
        assertEquals("Kies een wachtwoord van minstens 12 tekens.", PasswordHasher.problemWith("elf-tekens!"));
        assertNull(PasswordHasher.problemWith("twaalf-tekens"));
        assertEquals(PasswordRules.TOO_LONG, PasswordHasher.problemWith("x7-".repeat(24) + "y"));
        assertEquals("Een wachtwoord van alleen spaties kan niet.", PasswordHasher.problemWith(" ".repeat(12)));
        assertNull(PasswordHasher.problemWith("één-twee-drie-vier"), "accents are fine");
    }

    @Test
    void theLengthLimitCountsBytesAsBcryptDoes() {
        String fortyCharacters = "é".repeat(33) + "bosweg7"; // 33 × 2 + 7 = 73 bytes
        assertEquals(40, fortyCharacters.length());
        assertEquals(73, fortyCharacters.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(PasswordRules.tooLong(fortyCharacters));
        assertEquals(PasswordRules.TOO_LONG, PasswordHasher.problemWith(fortyCharacters));
        String seventyTwoBytes = "é".repeat(32) + "bosweg78";
        assertFalse(PasswordRules.tooLong(seventyTwoBytes));
        assertNull(PasswordHasher.problemWith(seventyTwoBytes));

        PasswordHasher hasher = new PasswordHasher(4);
        assertTrue(hasher.matches(seventyTwoBytes, hasher.hash(seventyTwoBytes)));
        assertFalse(hasher.matches(fortyCharacters, hasher.hash(seventyTwoBytes)), "too long: false, not an exception");
    }

    @Test
    void commonPasswordsAndObviousPatternsAreRefused() {
        assertEquals(PasswordRules.PATTERN, PasswordHasher.problemWith("aaaaaaaaaaaa"));
        assertEquals(PasswordRules.PATTERN, PasswordHasher.problemWith("abcabcabcabc"));
        assertEquals(PasswordRules.PATTERN, PasswordHasher.problemWith("abcdefghijklm"));
        assertEquals(PasswordRules.PATTERN, PasswordHasher.problemWith("9876543210/."));
        assertEquals(PasswordRules.COMMON, PasswordHasher.problemWith("qwertyuiopasdfgh"));
        assertEquals(PasswordRules.COMMON, PasswordHasher.problemWith("1qaz2wsx3edc"));
        assertEquals(PasswordRules.COMMON, PasswordHasher.problemWith("Password2024!"), "a common word with digits");
        assertEquals(PasswordRules.COMMON, PasswordHasher.problemWith("Wachtwoord12"), "Dutch ones too");
        assertEquals(PasswordRules.COMMON, PasswordHasher.problemWith("welkom123456"));
        assertEquals(PasswordRules.SITE_NAME, PasswordHasher.problemWith("QuickScan-2025"));
        assertEquals(PasswordRules.SITE_NAME, PasswordHasher.problemWith("quick.scan.veilig"));
        assertNull(PasswordHasher.problemWith("paars-fietsrek-onder-water"));
        assertNull(PasswordHasher.problemWith("een-goed-wachtwoord"));
    }

    @Test
    void theEmailAddressOrItsNameIsRefused() {
        String email = "J.deVries@Gemeente.nl";
        assertEquals(PasswordRules.EMAIL, PasswordHasher.problemWith("j.devries@gemeente.nl", email));
        assertEquals(PasswordRules.EMAIL, PasswordHasher.problemWith("J.deVries-2025!", email));
        assertEquals(PasswordRules.EMAIL, PasswordHasher.problemWith("jdevries-zomer", email), "without the dot too");
        assertNull(PasswordHasher.problemWith("J.deVries-2025!"), "without an address to compare with");
        assertNull(PasswordHasher.problemWith("zonnige-dinsdag", "an@gemeente.nl"), "short names are not looked for");
    }

    @Test
    void anAddressNeverGrowsWhenNormalised() {
        String growing = "İ".repeat(200) + "@gemeente.nl";
        assertTrue(growing.toLowerCase(java.util.Locale.ROOT).length() > growing.length(), "the case at hand");
        String normalized = Account.normalizeEmail(growing);
        assertEquals(growing.length(), normalized.length());
        assertEquals("i".repeat(200) + "@gemeente.nl", normalized);
        assertEquals(normalized, Account.normalizeEmail(normalized), "stable: the stored form finds itself");
        assertEquals("naam@gemeente.nl", Account.normalizeEmail("  Naam@Gemeente.NL "));
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String one = new String(Character.toChars(codePoint));
            assertTrue(Account.normalizeEmail(one).length() <= one.length(), () -> "U+" + Integer.toHexString(one.codePointAt(0)));
        }
        assertNull(Account.emailProblem("i".repeat(242) + "@gemeente.nl"));
        assertEquals("Het e-mailadres mag hoogstens 254 tekens lang zijn.",
                Account.emailProblem("İ".repeat(243) + "@gemeente.nl"));
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

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void theInvitationRefusesTooLongAndCommonPasswordsWithA422(TestApp app) {
        Browser coordinator = app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        String email = "mirjam.bakker." + System.nanoTime() + "@veendam.nl";
        Response created = coordinator.post("/accounts", "email", email, "displayName", "Mirjam Bakker",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0047")));
        String path = URI.create(nl.quickscan.support.Fixtures.invitationLink(created.html())).getPath();
        Browser invitee = app.browser();
        invitee.get(path);

        String fortyCharacters = "é".repeat(33) + "bosweg7"; // 73 bytes
        Map<String, String> refused = Map.of(
                fortyCharacters, PasswordRules.TOO_LONG,
                "aaaaaaaaaaaa", PasswordRules.PATTERN,
                "qwertyuiopasdfgh", PasswordRules.COMMON,
                "mirjam-bakker-2025", PasswordRules.EMAIL);
        refused.forEach((password, message) -> {
            Response response = invitee.post(path, "password", password, "passwordRepeat", password);
            assertEquals(422, response.status(), () -> password + ": " + response);
            assertTrue(response.html().text().contains(message), () -> password + ": " + response);
        });
        assertNull(app.bean(AccountRepository.class).findByEmail(email).orElseThrow().passwordHash(), "nothing was set");

        Response accepted = invitee.post(path, "password", "paars-fietsrek-onder-water", "passwordRepeat",
                "paars-fietsrek-onder-water");
        assertEquals(303, accepted.status(), accepted::toString);
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
