package nl.quickscan.accounts;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a client address, an account): at most {@code attempts} at once, refilled evenly over
 * {@code window}. Memory is bounded: at most {@code maxKeys} keys are tracked; when a new key comes in and the
 * table is full, keys whose bucket has filled up again (so that forgetting them changes nothing) go first, and
 * otherwise the key touched longest ago.
 */
public final class AttemptLimiter {

    private final int attempts;
    private final long nanosPerAttempt;
    private final int maxKeys;
    private final LongSupplier clock;
    /** In access order: the first entry is the one touched longest ago. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public AttemptLimiter(int attempts, Duration window, int maxKeys) {
        this(attempts, window, maxKeys, System::nanoTime);
    }

    /** With a clock in nanoseconds, so that tests can move time without waiting. */
    AttemptLimiter(int attempts, Duration window, int maxKeys, LongSupplier clock) {
        if (attempts < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("attempts, window and maxKeys must be positive");
        }
        this.attempts = attempts;
        this.nanosPerAttempt = Math.max(1, window.toNanos() / attempts);
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Takes one attempt for the key: 0 when it may go ahead, otherwise the whole seconds to wait (at least 1). */
    public synchronized long tryTake(String key) {
        long now = clock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            makeRoom(now);
            bucket = new Bucket(attempts, now);
            buckets.put(key, bucket);
        }
        refill(bucket, now);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        double missingNanos = (1 - bucket.tokens) * nanosPerAttempt;
        return Math.max(1, (long) Math.ceil(missingNanos / 1_000_000_000d));
    }

    /** Forgets the key, for example after a successful login of that account. */
    public synchronized void forget(String key) {
        buckets.remove(key);
    }

    synchronized int trackedKeys() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = now - bucket.updated;
        if (elapsed > 0) {
            bucket.tokens = Math.min(attempts, bucket.tokens + (double) elapsed / nanosPerAttempt);
            bucket.updated = now;
        }
    }

    private void makeRoom(long now) {
        if (buckets.size() < maxKeys) {
            return;
        }
        // Oldest first: drop every bucket that is full again; they would start full anyway.
        Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
        while (eldest.hasNext()) {
            Bucket bucket = eldest.next().getValue();
            refill(bucket, now);
            if (bucket.tokens < attempts) {
                break;
            }
            eldest.remove();
        }
        if (buckets.size() >= maxKeys) {
            Iterator<String> oldest = buckets.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
