package nl.quickscan.accounts;

import io.micronaut.http.HttpRequest;
import nl.quickscan.accounts.sso.SsoRepository;
import nl.quickscan.accounts.sso.SsoSession;
import nl.quickscan.identity.Role;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.TenantScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ID token kept for the provider's logout lives exactly as long as its login session, on H2 and on MySQL/MariaDB
 * (the foreign key's ON DELETE CASCADE), whichever way the session ends; and a token as long as Entra ID's is kept whole.
 */
class SsoSessionStorageTest {

    static Stream<TestApp> apps() {
        return TestApp.all();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void theKeptIdTokenGoesWithItsLoginSession(TestApp app) {
        Account account = Fixtures.create(app, Role.ADVISEUR, Fixtures.gemeenteId(app, "GM0106"), null);
        Sessions sessions = app.bean(Sessions.class);
        SsoRepository ssoSessions = app.bean(SsoRepository.class);
        String longIdToken = "eyJ" + "a".repeat(6000) + ".sig";

        String ended = open(sessions, account);
        String endedWithAll = open(sessions, account);
        String expired = open(sessions, account);
        for (String sessionId : new String[] {ended, endedWithAll, expired}) {
            ssoSessions.save(new SsoSession(sessionId, "groningen", longIdToken));
        }
        assertEquals(longIdToken, ssoSessions.findById(ended).orElseThrow().idToken(), "kept whole");

        sessions.end(ended);
        assertFalse(ssoSessions.findById(ended).isPresent(), "logout");
        assertTrue(ssoSessions.findById(endedWithAll).isPresent(), "only its own session's token went");

        sessions.endAllOf(account.id());
        assertFalse(ssoSessions.findById(endedWithAll).isPresent(), "all sessions ended (password or second factor changed)");
        assertFalse(ssoSessions.findById(expired).isPresent());

        app.bean(SsoRepository.class).signedIn(account.id(), "groningen", Instant.now());
        AccountRow signedIn = app.bean(AccountRepository.class).findVisible(TenantScope.platform(), account.id()).orElseThrow();
        assertEquals("groningen", signedIn.ssoProvider());
        assertNull(signedIn.lockedUntil());
    }

    private static String open(Sessions sessions, Account account) {
        return sessions.open(account, Duration.ofMinutes(5), HttpRequest.GET("/")).sessionId();
    }
}
