package io.fahuo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The simulated platforms' own clock: real time plus an offset tests can move forward. */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class SimClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }
}
