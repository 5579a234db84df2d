package io.fahuo.platforms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.orders.OrderIntake;
import io.fahuo.platforms.PlatformConnector;
import io.fahuo.platforms.PlatformGateway;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShopCredentials;

/**
 * Pulls each shop's orders by update time: one job per shop (so shops spread over nodes), each run covers
 * [cursor − overlap, now), pages through it, splits windows the platform would not page through, and
 * moves the cursor only after the whole window was taken in. The cursor lives on the shop row and
 * survives restarts.
 */
@Configuration(proxyBeanMethods = false)
public class ShopSyncJob {

    public static final TaskDescriptor<String> DESCRIPTOR = TaskDescriptor.of("shop-sync", String.class);
    private static final Logger log = LoggerFactory.getLogger(ShopSyncJob.class);

    public static String instanceId(long shopId) {
        return Long.toString(shopId);
    }

    @Bean
    Task<String> shopSyncTask(Shops shops, PlatformGateway gateway, OrderIntake intake, Clock clock,
                              @Value("${fahuo.sync.interval}") Duration interval,
                              @Value("${fahuo.sync.overlap}") Duration overlap,
                              @Value("${fahuo.sync.initial-lookback:P1D}") Duration initialLookback,
                              @Value("${fahuo.doudian.page-size:100}") int pageSize,
                              @Value("${fahuo.doudian.max-paged-rows:50000}") int maxPagedRows) {
        return Tasks.custom(DESCRIPTOR).execute((instance, ctx) -> {
            String[] ids = instance.getData().split(":");
            long tenantId = Long.parseLong(ids[0]);
            long shopId = Long.parseLong(ids[1]);
            Duration next = interval;
            try {
                var shop = shops.find(tenantId, shopId);
                if (shop.isEmpty()) {
                    return (complete, ops) -> ops.remove();
                }
                Window w = new Window(shops, gateway, intake, pageSize, maxPagedRows);
                Instant to = clock.instant();
                Instant from = w.start(shop.get(), to, overlap, initialLookback);
                w.sync(shop.get(), shops.credentials(tenantId, shopId), from, to);
                shops.recordSync(tenantId, shopId, to, null);
            } catch (RuntimeException e) {
                log.warn("order sync of shop {} failed: {}", shopId, e.getMessage());
                shops.recordSync(tenantId, shopId, null, e.getMessage());
                int failures = ctx.getExecution().consecutiveFailures;
                next = interval.multipliedBy(Math.min(60, 2L << Math.min(failures, 5)));
            }
            Instant at = clock.instant().plus(next);
            return (CompletionHandler<String>) (complete, ops) -> ops.reschedule(complete, at);
        });
    }

    /** Where a shop's window starts: its cursor less the overlap, never before what the platform still serves. */
    record Window(Shops shops, PlatformGateway gateway, OrderIntake intake, int pageSize, int maxPagedRows) {

        Instant start(Shop shop, Instant now, Duration overlap, Duration initialLookback) {
            PlatformConnector connector = gateway.connector(shop.platform());
            Instant earliest = now.minus(connector.maxLookback()).plus(Duration.ofHours(1));
            Instant from = shop.syncCursor() == null ? now.minus(initialLookback) : shop.syncCursor().minus(overlap);
            return from.isBefore(earliest) ? earliest : from;
        }

        void sync(Shop shop, ShopCredentials creds, Instant from, Instant to) {
            PlatformConnector connector = gateway.connector(shop.platform());
            new WindowSync((f, t, page, size) -> connector.ordersUpdatedBetween(creds, f, t, page, size), pageSize, maxPagedRows)
                    .sync(from, to, orders -> intake.accept(shop.tenantId(), shop.id(), shop.platform().name(), orders));
        }
    }
}
