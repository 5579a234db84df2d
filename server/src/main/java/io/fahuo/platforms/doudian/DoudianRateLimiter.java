package io.fahuo.platforms.doudian;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Client-side token bucket per app key: the platform's limit is per app, so every shop of one app shares a
 * bucket. {@link #acquire} waits for a permit instead of letting the platform refuse the call with 60000.
 */
public class DoudianRateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier nanoTime;
    private final java.util.function.LongConsumer park;

    /** {@code perSecond <= 0} switches the limit off. */
    public DoudianRateLimiter(double perSecond) {
        this(perSecond, System::nanoTime, LockSupport::parkNanos);
    }

    DoudianRateLimiter(double perSecond, java.util.function.LongSupplier nanoTime, java.util.function.LongConsumer park) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.nanoTime = nanoTime;
        this.park = park;
    }

    public void acquire(String appKey) {
        if (perSecond <= 0) {
            return;
        }
        long waitNanos = buckets.computeIfAbsent(appKey, k -> new Bucket(burst, nanoTime.getAsLong()))
                .reserve(perSecond, burst, nanoTime.getAsLong());
        if (waitNanos > 0) {
            park.accept(waitNanos);
        }
    }

    /** The pause before the n-th repeat (from 0) of a rate-limited call: growing, with ±50 % jitter. */
    static Duration backoff(int attempt) {
        long base = 250L << Math.min(attempt, 4);
        return Duration.ofMillis((long) (base * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.fahuo.platforms.PlatformException("interrupted", "interrupted while backing off", true, e);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes a permit (possibly going into debt) and returns how long the caller must wait for it. */
        synchronized long reserve(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            tokens -= 1;
            return tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
        }
    }
}
