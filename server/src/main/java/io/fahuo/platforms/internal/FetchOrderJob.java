package io.fahuo.platforms.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.fahuo.platforms.PlatformGateway;
import io.fahuo.platforms.Shops;

/**
 * Fetches one order from its platform because a push said it changed, and hands what the platform says now
 * to the intake. The push itself is never taken as data. Durable: scheduled in the transaction that
 * recorded the push, retried with jittered back-off; after {@link #MAX_ATTEMPTS} the shop's pull finds the
 * change anyway. Instance {@code <shopId>:<platformOrderId>:<msgId>}, data {@code <tenantId>:<shopId>:<platformOrderId>}.
 */
@Configuration(proxyBeanMethods = false)
public class FetchOrderJob {

    public static final TaskDescriptor<String> DESCRIPTOR = TaskDescriptor.of("fetch-platform-order", String.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Logger log = LoggerFactory.getLogger(FetchOrderJob.class);

    public static String instanceId(long shopId, String platformOrderId, String msgId) {
        String id = shopId + ":" + platformOrderId + ":" + msgId;
        return id.length() <= 200 ? id : id.substring(0, 200);
    }

    public static String data(long tenantId, long shopId, String platformOrderId) {
        return tenantId + ":" + shopId + ":" + platformOrderId;
    }

    /**
     * Forgets pushed message ids after {@code fahuo.push.keep} (7 days): the platform repeats a message for
     * hours, not days, so older ids cannot come back.
     */
    @Bean
    RecurringTask<Void> platformPushCleanup(org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock,
                                            @Value("${fahuo.push.keep:P7D}") Duration keep) {
        return Tasks.recurring("platform-push-cleanup", FixedDelay.of(Duration.ofHours(1))).execute((instance, ctx) ->
                jdbc.sql("delete from platform_push where received_at < ?")
                        .param(clock.instant().minus(keep).atOffset(java.time.ZoneOffset.UTC)).update());
    }

    @Bean
    Task<String> fetchPlatformOrderTask(Shops shops, PlatformGateway gateway, Clock clock) {
        return Tasks.custom(DESCRIPTOR)
                .onFailure((FailureHandler<String>) (complete, ops) -> {
                    int failures = complete.getExecution().consecutiveFailures + 1;
                    if (failures >= MAX_ATTEMPTS) {
                        log.warn("giving up fetching {} after {} attempts; the shop's pull will bring it", complete.getExecution().taskInstance.getId(), failures);
                        ops.remove();
                        return;
                    }
                    long base = Math.min(Duration.ofMinutes(5).toMillis(), 1000L << Math.min(failures, 10));
                    ops.reschedule(complete, clock.instant().plusMillis((long) (base * ThreadLocalRandom.current().nextDouble(0.5, 1.5))));
                })
                .execute((instance, ctx) -> {
                    String[] parts = instance.getData().split(":", 3);
                    long tenantId = Long.parseLong(parts[0]);
                    long shopId = Long.parseLong(parts[1]);
                    if (shops.find(tenantId, shopId).isPresent()) {
                        gateway.refreshOrder(tenantId, shopId, parts[2]);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
