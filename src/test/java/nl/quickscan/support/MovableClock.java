package nl.quickscan.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import nl.quickscan.time.Clocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The app's clock in a test app started with {@code quickscan.test.movable-clock: true}: it runs with the system
 * clock, shifted by whatever the test moved it, so that a test can let a meetronde open or close.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "quickscan.test.movable-clock", value = "true")
public final class MovableClock extends Clock {

    public static final java.util.Map<String, Object> SETTING = java.util.Map.of("quickscan.test.movable-clock", true);

    private volatile Duration offset = Duration.ZERO;

    public void move(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return Clocks.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
