package io.fahuo.simulator.parcels;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimProperties;

/** Lets simulated time act: every tick, scans that have come due are pushed to the receivers. */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class JourneyTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JourneyTicker.class);

    private final ParcelJourneys journeys;
    private final long tickMillis;
    private ScheduledExecutorService executor;

    JourneyTicker(ParcelJourneys journeys, SimProperties properties) {
        this.journeys = journeys;
        this.tickMillis = properties.parcels().tick().toMillis();
    }

    @EventListener(ApplicationReadyEvent.class)
    void begin() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-parcels");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                journeys.tick();
            } catch (RuntimeException e) {
                log.warn("simulated parcels tick failed: {}", e.getMessage());
            }
        }, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
