package io.fahuo.simulator.doudian;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();

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
                    List<String> ids = platform.createOrders(1, SimOrderFactory.Spec.DEFAULT);
                    if (config.changeEvery() > 0 && created.incrementAndGet() % config.changeEvery() == 0) {
                        changeLater(ids.get(0));
                    }
                } catch (RuntimeException e) {
                    log.warn("simulated order failed: {}", e.getMessage());
                }
            }, config.trickleSeconds(), config.trickleSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Some buyers change their minds soon after paying: alternately a new address (asked for, then taken) or a
     * refund request that the platform grants a little later. Fahuo learns of each by the platform's push.
     */
    private void changeLater(String orderId) {
        boolean address = changes.getAndIncrement() % 2 == 0;
        executor.schedule(() -> {
            try {
                if (address) {
                    platform.changeAddress(orderId, null, true);
                } else if (platform.openRefund(orderId)) {
                    executor.schedule(() -> platform.completeRefund(orderId), 20, TimeUnit.SECONDS);
                }
            } catch (RuntimeException e) {
                log.warn("simulated change of order {} failed: {}", orderId, e.getMessage());
            }
        }, 1, TimeUnit.SECONDS);
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
