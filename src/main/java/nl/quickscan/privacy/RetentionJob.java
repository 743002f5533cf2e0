package nl.quickscan.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the retention period every hour, so that a notice or deletion happens early on its day. */
@Singleton
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "15m")
    void run() {
        Retention.Outcome outcome = retention.run();
        if (outcome.announced() > 0 || outcome.deleted() > 0) {
            LOG.info("Retention: announced {} and deleted {} round(s)", outcome.announced(), outcome.deleted());
        }
    }
}
