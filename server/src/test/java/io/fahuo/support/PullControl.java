package io.fahuo.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import io.fahuo.platforms.internal.ShopSyncJob;

/** Steers a shop's order pull in tests that must show what the platform's push alone brings in. */
public final class PullControl {

    private PullControl() {
    }

    /** Moves the shop's pull a day ahead, so only a push can bring an order or a change in. */
    public static void pausePull(SchedulerClient jobs, long shopId) {
        TaskInstanceId sync = TaskInstanceId.of(ShopSyncJob.DESCRIPTOR.getTaskName(), ShopSyncJob.instanceId(shopId));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Optional<ScheduledExecution<Object>> e = jobs.getScheduledExecution(sync);
            if (e.isEmpty()) {
                return false;
            }
            if (!e.get().isPicked() && e.get().getExecutionTime().isAfter(Instant.now().plus(Duration.ofHours(1)))) {
                return true;
            }
            try {
                jobs.reschedule(sync, Instant.now().plus(Duration.ofDays(1)));
            } catch (RuntimeException picked) {
                // running right now; try again once it is done
            }
            return false;
        });
    }
}
