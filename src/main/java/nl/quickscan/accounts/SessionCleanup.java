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

    SessionCleanup(LoginSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void removeExpired() {
        int removed = sessions.deleteExpired(Instant.now());
        if (removed > 0) {
            LOG.info("Removed {} expired login sessions", removed);
        }
    }
}
