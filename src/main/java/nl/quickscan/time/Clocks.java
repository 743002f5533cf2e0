package nl.quickscan.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of the app, in Dutch time: whether a meetronde is open "today" is decided on the date in the
 * Netherlands. Injected rather than read from the system, so that a test can move it.
 */
@Factory
public class Clocks {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }
}
