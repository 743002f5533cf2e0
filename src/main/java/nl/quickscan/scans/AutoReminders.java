package nl.quickscan.scans;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the rounds that remind by themselves send their reminder on its day. Every hour, so that a reminder goes out
 * early in the day it is due; safe on several instances at once (each round's reminder is claimed in the database).
 */
@Singleton
class AutoReminders {

    private static final Logger LOG = LoggerFactory.getLogger(AutoReminders.class);

    private final RoundReminders reminders;

    AutoReminders(RoundReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void sendDue() {
        int sent = reminders.sendDue();
        if (sent > 0) {
            LOG.info("Sent the automatic reminders of {} round(s)", sent);
        }
    }
}
