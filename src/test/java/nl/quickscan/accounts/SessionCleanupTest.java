package nl.quickscan.accounts;

import nl.quickscan.support.Fixtures;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionCleanupTest {

    @Test
    void expiredSessionsAreRemovedAndLiveOnesKept() {
        TestApp app = TestApp.h2();
        LoginSessionRepository sessions = app.bean(LoginSessionRepository.class);
        Account account = Fixtures.adviseur(app, "GM0765");
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        Instant now = Instant.now();
        sessions.save(new LoginSession(expired, account.id(), now.minusSeconds(7200), now.minusSeconds(60), LoginSession.Kind.BROWSER, null, null));
        sessions.save(new LoginSession(live, account.id(), now, now.plusSeconds(3600), LoginSession.Kind.API, "curl/8", now));

        app.bean(SessionCleanup.class).removeExpired();

        assertTrue(sessions.findLive(live, now).isPresent(), "a live session stays");
        assertTrue(sessions.findLive(expired, now.minusSeconds(3600)).isEmpty(), "the expired row is gone");
    }
}
