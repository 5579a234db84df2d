package io.fahuo.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.fahuo.tracking.domain.TrackedParcel;

/**
 * The rules that fire on silence (no pickup, no movement, no confirmation) need a clock, not an event: this
 * recurring job checks every unsettled parcel of every tenant.
 */
@Configuration(proxyBeanMethods = false)
class ExceptionSweepJob {

    private static final int BATCH = 500;

    @Bean
    RecurringTask<Void> trackingExceptionSweep(ParcelRows rows, ParcelUpdates updates, Clock clock, TrackingSettings settings) {
        return Tasks.recurring("tracking-exception-sweep", FixedDelay.of(settings.exceptionSweep()))
                .execute((instance, ctx) -> {
                    Instant now = clock.instant();
                    long after = 0;
                    List<TrackedParcel> batch;
                    do {
                        batch = rows.unsettled(after, BATCH);
                        for (TrackedParcel p : batch) {
                            updates.evaluate(p, now);
                            after = p.id();
                        }
                    } while (batch.size() == BATCH);
                });
    }
}
