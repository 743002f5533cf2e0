package nl.quickscan.accounts;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void loginPageIsDutchAndCarriesACsrfToken(TestApp app) {
        Browser browser = app.browser();
        Document page = browser.get("/login").html();
        assertEquals("nl", page.selectFirst("html").attr("lang"));
        assertEquals("Inloggen", page.selectFirst("h1").text());
        assertEquals(browser.cookie("QUICKSCAN_CSRF"), page.selectFirst("form input[name=_csrf]").val());
        assertNotNull(page.selectFirst("label[for=email]"));
        assertNotNull(page.selectFirst("label[for=password]"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void pagesNeedALoginAndSendYouBackAfterwards(TestApp app) {
        Browser browser = app.browser();
        Response start = browser.get("/accounts");
        assertEquals(303, start.status());
        assertEquals("/login?terug=%2Faccounts", java.net.URI.create(start.location()).getRawPath() + "?"
                + java.net.URI.create(start.location()).getRawQuery());
        browser.get("/login");
        Response login = browser.post("/login", "email", "beheerder@quickscan.test", "password", TestApp.DEMO_PASSWORD,
                "terug", "/accounts");
        assertEquals(303, login.status());
        assertTrue(login.location().endsWith("/accounts"), login.location());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void loginSetsAnHttpOnlySessionCookieAndLogoutEndsTheSessionOnTheServer(TestApp app) {
        Browser browser = app.browser();
        Response login = browser.tryLogin("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(303, login.status(), login::toString);
        String sessionCookie = login.setCookies().stream().filter(c -> c.startsWith("QUICKSCAN_SESSION=")).findFirst()
                .orElseThrow();
        assertTrue(sessionCookie.toLowerCase().contains("httponly"), sessionCookie);
        assertTrue(sessionCookie.contains("SameSite=Lax"), sessionCookie);
        assertFalse(sessionCookie.toLowerCase().contains("password"), sessionCookie);

        Response home = browser.get("/");
        assertEquals(200, home.status());
        assertTrue(home.html().text().contains("Assen"), "the adviser sees their gemeente");
        String token = browser.cookie("QUICKSCAN_SESSION");

        Response logout = browser.post("/logout");
        assertEquals(303, logout.status());
        assertTrue(logout.location().endsWith("/login?uitgelogd=1"));
        assertEquals(303, browser.get("/").status(), "logged out");

        // A copy of the old cookie is worthless too: the session ended on the server, not only in the browser.
        Browser thief = app.browser();
        thief.setCookie("QUICKSCAN_SESSION", token);
        Response replay = thief.get("/");
        assertEquals(303, replay.status());
        assertTrue(replay.location().contains("/login"));
        assertEquals(401, app.api().withToken(token).get("/api/v1/me").status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void wrongPasswordAndUnknownUserGetTheSameDutchMessage(TestApp app) {
        Response wrong = app.browser().tryLogin("adviseur.emmen@quickscan.test", "niet-het-wachtwoord");
        Response unknown = app.browser().tryLogin("niemand@quickscan.test", "niet-het-wachtwoord");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        String message = wrong.html().selectFirst("[role=alert]").text();
        assertEquals(LoginService.WRONG_CREDENTIALS, message);
        assertEquals(message, unknown.html().selectFirst("[role=alert]").text());
        assertEquals("adviseur.emmen@quickscan.test", wrong.html().selectFirst("input[name=email]").val(),
                "the e-mail address stays filled in");
        Response empty = app.browser().tryLogin("", "");
        assertEquals(400, empty.status());
        assertTrue(empty.html().text().contains("Vul uw e-mailadres en uw wachtwoord in."));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void fiveFailuresLockTheAccountForFifteenMinutesAndABeheerderCanUnlockIt(TestApp app) {
        Account account = Fixtures.adviseur(app, "GM0047");
        for (int attempt = 1; attempt <= 4; attempt++) {
            Response response = app.browser().tryLogin(account.email(), "fout-" + attempt);
            assertEquals(LoginService.WRONG_CREDENTIALS, response.html().selectFirst("[role=alert]").text());
        }
        Response fifth = app.browser().tryLogin(account.email(), "fout-5");
        assertEquals(401, fifth.status());
        assertEquals(LoginService.LOCKED, fifth.html().selectFirst("[role=alert]").text());

        Response rightPassword = app.browser().tryLogin(account.email(), Fixtures.PASSWORD);
        assertEquals(401, rightPassword.status(), "locked, even with the right password");
        assertEquals(LoginService.LOCKED, rightPassword.html().selectFirst("[role=alert]").text());
        assertEquals(401, app.api().postJson("/api/v1/auth/token",
                "{\"username\":\"" + account.email() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}").status());

        Instant lockedUntil = app.bean(AccountRepository.class).findById(account.id()).orElseThrow().lockedUntil();
        Duration remaining = Duration.between(Instant.now(), lockedUntil);
        assertTrue(remaining.compareTo(Duration.ofMinutes(14)) > 0 && remaining.compareTo(Duration.ofMinutes(15)) <= 0,
                "locked for 15 minutes, was " + remaining);

        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertTrue(beheerder.get("/accounts/" + account.id()).html().text().contains("Tijdelijk geblokkeerd"));
        assertEquals(303, beheerder.post("/accounts/" + account.id() + "/deblokkeren").status());
        assertEquals(303, app.browser().tryLogin(account.email(), Fixtures.PASSWORD).status(), "unlocked");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aSuccessfulLoginResetsTheFailureCount(TestApp app) {
        Account account = Fixtures.adviseur(app, "GM0037");
        for (int attempt = 1; attempt <= 4; attempt++) {
            app.browser().tryLogin(account.email(), "fout");
        }
        app.browser().login(account.email(), Fixtures.PASSWORD);
        for (int attempt = 1; attempt <= 4; attempt++) {
            app.browser().tryLogin(account.email(), "fout");
        }
        assertEquals(303, app.browser().tryLogin(account.email(), Fixtures.PASSWORD).status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void passwordsAreStoredAsBcryptHashes(TestApp app) {
        Account account = app.bean(AccountRepository.class).findByEmail("adviseur.meppel@quickscan.test").orElseThrow();
        assertTrue(account.passwordHash().startsWith("$2a$"), "BCrypt hash");
        assertFalse(account.passwordHash().contains(TestApp.DEMO_PASSWORD));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theReturnPathCannotLeadToAnotherSite(TestApp app) {
        Browser browser = app.browser();
        browser.get("/login");
        Response login = browser.post("/login", "email", "beheerder@quickscan.test", "password", TestApp.DEMO_PASSWORD,
                "terug", "//evil.example/");
        assertEquals(303, login.status());
        assertEquals("/", java.net.URI.create(login.location()).getPath());
        assertFalse(login.location().contains("evil"));
    }
}
