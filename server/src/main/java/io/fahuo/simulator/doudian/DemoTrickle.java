package io.fahuo.simulator.doudian;

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

/** Buyers of the demo shop: a few orders at start, then one every few seconds. */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class DemoTrickle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoTrickle.class);

    private final DoudianPlatform platform;
    private final SimProperties.Doudian config;
    private ScheduledExecutorService executor;

    DemoTrickle(DoudianPlatform platform, SimProperties properties) {
        this.platform = platform;
        this.config = properties.doudian();
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstOrders() {
        if (config.initialOrders() > 0) {
            platform.createOrders(config.initialOrders(), SimOrderFactory.Spec.DEFAULT);
            log.info("simulated Douyin shop {} received {} orders", config.shopId(), config.initialOrders());
        }
        if (config.trickleSeconds() > 0) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-doudian-buyers");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleAtFixedRate(() -> {
                try {
                    platform.createOrders(1, SimOrderFactory.Spec.DEFAULT);
                } catch (RuntimeException e) {
                    log.warn("simulated order failed: {}", e.getMessage());
                }
            }, config.trickleSeconds(), config.trickleSeconds(), TimeUnit.SECONDS);
        }
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
