package nl.quickscan.accounts;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Blijf ingelogd": a browser session renewed from now for its lifetime (10 minutes here), never beyond its cap
 * after the login (15 minutes here); the same session, so the page's CSRF token stays valid.
 */
class SessionExtensionTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withSettings(Map.of("quickscan.session-minutes", 10, "quickscan.session-max-minutes", 15));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aSessionIsRenewedFromNowUpToTheCap() throws Exception {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Browser browser = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        String pageToken = browser.csrfToken();
        LoginSession session = onlySessionOf(adviser);
        Map<String, Object> before = browser.fetchJson("GET", "/api/v1/me/session", null).json();
        assertTrue(((Number) before.get("secondsLeft")).longValue() > 590, before::toString);
        assertEquals(Boolean.TRUE, before.get("extendable"));
        assertTrue(((String) before.get("endsAtTime")).matches("\\d\\d:\\d\\d"), before::toString);

        // Logged in 8 minutes ago, 2 minutes left: renewed to the cap, 15 minutes after the login.
        Instant now = Instant.now();
        Instant loggedIn = now.minus(Duration.ofMinutes(8));
        setTimes(session.id(), loggedIn, now.plus(Duration.ofMinutes(2)));
        Response renewed = browser.fetchJson("POST", "/api/v1/me/session/extend", pageToken);
        assertEquals(200, renewed.status(), renewed::toString);
        LoginSession after = onlySessionOf(adviser);
        assertEquals(loggedIn.plus(Duration.ofMinutes(15)).toEpochMilli(), after.expiresAt().toEpochMilli(), 5,
                "capped at 15 minutes after the login");
        assertEquals(Boolean.FALSE, renewed.json().get("extendable"), "at the cap");
        assertTrue(renewed.setCookies().stream().anyMatch(c -> c.startsWith("QUICKSCAN_SESSION=") && c.contains("Max-Age=")),
                renewed::toString);
        assertEquals(session.id(), after.id(), "the same session");
        assertEquals(303, browser.post("/logout", "_csrf", pageToken).status(), "the page's token still works");

        // Logged in 1 minute ago with 1 minute left: renewed for the full lifetime from now.
        Browser again = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        LoginSession second = onlySessionOf(adviser);
        Instant start = Instant.now();
        setTimes(second.id(), start.minus(Duration.ofMinutes(1)), start.plus(Duration.ofMinutes(1)));
        assertEquals(200, again.fetchJson("POST", "/api/v1/me/session/extend", again.csrfToken()).status());
        long left = Duration.between(start, onlySessionOf(adviser).expiresAt()).toSeconds();
        assertTrue(left >= 595 && left <= 610, "renewed for 10 minutes from now: " + left);
    }

    @Test
    void renewingNeedsTheTokenAndIsOnlyForBrowserSessions() {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Browser browser = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Instant before = onlySessionOf(adviser).expiresAt();
        assertEquals(403, browser.fetchJson("POST", "/api/v1/me/session/extend", null).status());
        assertEquals(before, onlySessionOf(adviser).expiresAt(), "nothing changed");

        Response api = app.api().login(adviser.email(), Fixtures.PASSWORD).postJson("/api/v1/me/session/extend", "{}");
        assertEquals(409, api.status(), api::toString);
        assertTrue(((String) api.json().get("message")).contains("Alleen een sessie in de browser"));
        assertEquals(401, app.api().postJson("/api/v1/me/session/extend", "{}").status(), "not signed in");
        assertFalse(app.api().get("/api/v1/me/session").status() == 200);
    }

    @Test
    void theEndOfARenewalIsCappedByTheLogin() {
        Instant login = Instant.parse("2026-12-01T08:00:00Z");
        Duration lifetime = Duration.ofHours(8);
        Duration cap = Duration.ofHours(12);
        assertEquals(Instant.parse("2026-12-01T18:00:00Z"),
                Sessions.extendedEnd(login, Instant.parse("2026-12-01T10:00:00Z"), lifetime, cap));
        assertEquals(Instant.parse("2026-12-01T20:00:00Z"),
                Sessions.extendedEnd(login, Instant.parse("2026-12-01T15:55:00Z"), lifetime, cap));
    }

    private static LoginSession onlySessionOf(Account account) {
        var live = app.bean(LoginSessionRepository.class).findAllLiveOf(account.id(), Instant.now());
        assertEquals(1, live.size(), live::toString);
        return live.get(0);
    }

    private static void setTimes(String sessionId, Instant createdAt, Instant expiresAt) throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class)).getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE login_session SET created_at = ?, expires_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(createdAt));
            update.setTimestamp(2, Timestamp.from(expiresAt));
            update.setString(3, sessionId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
