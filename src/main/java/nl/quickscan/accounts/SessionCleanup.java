package nl.quickscan.accounts;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** Removes expired logins, so that the session table does not grow for ever. Safe on several instances at once. */
@Singleton
class SessionCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCleanup.class);

    private final LoginSessionRepository sessions;
    private final Sessions seen;

    SessionCleanup(LoginSessionRepository sessions, Sessions seen) {
        this.sessions = sessions;
        this.seen = seen;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void removeExpired() {
        Instant now = Instant.now();
        seen.forgetSeenBefore(now.minus(Sessions.SEEN_INTERVAL));
        int removed = sessions.deleteExpired(now);
        if (removed > 0) {
            LOG.info("Removed {} expired login sessions", removed);
        }
    }
}
