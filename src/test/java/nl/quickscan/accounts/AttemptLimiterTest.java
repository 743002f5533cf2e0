package nl.quickscan.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter on a clock the test moves: no waiting, no timing. */
class AttemptLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private AttemptLimiter limiter(int attempts, Duration window, int maxKeys) {
        return new AttemptLimiter(attempts, window, maxKeys, now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void allowsTheAttemptsOfTheWindowThenSaysHowLongToWait() {
        AttemptLimiter limiter = limiter(10, Duration.ofMinutes(1), 100);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertEquals(0, limiter.tryTake("10.0.0.1"), "attempt " + attempt);
        }
        assertEquals(6, limiter.tryTake("10.0.0.1"), "one attempt comes back every 6 seconds");
        assertEquals(0, limiter.tryTake("10.0.0.2"), "another key has its own attempts");
        advance(Duration.ofSeconds(5));
        assertEquals(1, limiter.tryTake("10.0.0.1"), "refused attempts cost nothing: 1 second to go");
        advance(Duration.ofSeconds(1));
        assertEquals(0, limiter.tryTake("10.0.0.1"));
        assertEquals(6, limiter.tryTake("10.0.0.1"));
    }

    @Test
    void refillsToTheFullNumberAndNoFurther() {
        AttemptLimiter limiter = limiter(3, Duration.ofSeconds(30), 100);
        for (int i = 0; i < 3; i++) {
            limiter.tryTake("a");
        }
        advance(Duration.ofHours(5));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(0, limiter.tryTake("a"), "attempt " + attempt);
        }
        assertTrue(limiter.tryTake("a") > 0, "a long pause gives back the window's attempts, not more");
    }

    @Test
    void forgettingAKeyGivesItsAttemptsBack() {
        AttemptLimiter limiter = limiter(2, Duration.ofMinutes(15), 100);
        limiter.tryTake("account");
        limiter.tryTake("account");
        assertTrue(limiter.tryTake("account") > 0);
        limiter.forget("account");
        assertEquals(0, limiter.tryTake("account"));
    }

    @Test
    void keepsAtMostTheMaximumNumberOfKeysDroppingRefilledOnesFirst() {
        AttemptLimiter limiter = limiter(2, Duration.ofMinutes(1), 3);
        limiter.tryTake("old-1");
        limiter.tryTake("busy");
        limiter.tryTake("busy");
        limiter.tryTake("old-2");
        advance(Duration.ofMinutes(2)); // every bucket is full again
        limiter.tryTake("busy");
        limiter.tryTake("busy");
        limiter.tryTake("new");
        assertEquals(2, limiter.trackedKeys(), "the refilled old keys were dropped to make room");
        assertTrue(limiter.tryTake("busy") > 0, "the key in use kept its count");

        for (int i = 0; i < 1000; i++) {
            limiter.tryTake("flood-" + i);
        }
        assertEquals(3, limiter.trackedKeys(), "memory stays bounded under a flood of new keys");
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0, Duration.ofMinutes(1), 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(5, Duration.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(5, Duration.ofMinutes(1), 0));
    }
}
