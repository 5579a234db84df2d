package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fahuo.fulfilment.domain.Backoff;

class BackoffTest {

    @Test
    void doublesWithJitterAndStopsAtTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));
        assertThat(b.delay(0)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        assertThat(b.delay(3)).isBetween(Duration.ofMillis(12800), Duration.ofMillis(19200));
        assertThat(b.delay(40)).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(12));
    }
}
