package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The client-side token bucket per app key, on a clock the test moves. */
class DoudianRateLimiterTest {

    @Test
    void aBurstOfTheRateGoesAtOnceThenCallsAreSpacedAndEachAppHasItsOwnBucket() {
        AtomicLong now = new AtomicLong(0);
        List<Long> waits = new ArrayList<>();
        DoudianRateLimiter limiter = new DoudianRateLimiter(5, now::get, waits::add);
        for (int i = 0; i < 5; i++) {
            limiter.acquire("app-a");
        }
        assertThat(waits).isEmpty();
        limiter.acquire("app-a");
        limiter.acquire("app-a");
        assertThat(waits).containsExactly(Duration.ofMillis(200).toNanos(), Duration.ofMillis(400).toNanos());
        limiter.acquire("app-b");
        assertThat(waits).hasSize(2);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        limiter.acquire("app-a");
        assertThat(waits).hasSize(2);
    }

    @Test
    void zeroSwitchesTheLimitOff() {
        List<Long> waits = new ArrayList<>();
        DoudianRateLimiter limiter = new DoudianRateLimiter(0, () -> 0, waits::add);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("app");
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void backOffGrowsWithJitter() {
        for (int attempt = 0; attempt < 4; attempt++) {
            long base = 250L << attempt;
            assertThat(DoudianRateLimiter.backoff(attempt).toMillis()).isBetween(base / 2, base * 3 / 2);
        }
    }
}
