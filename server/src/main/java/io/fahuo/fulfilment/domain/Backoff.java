package io.fahuo.fulfilment.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Retry delays: doubling from {@code first}, capped, with ±20 % jitter so failed work does not return in step. */
public record Backoff(Duration first, Duration max) {

    public Duration delay(int failures) {
        long base = first.toMillis() << Math.min(Math.max(failures, 0), 20);
        long capped = Math.min(base, max.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }
}
