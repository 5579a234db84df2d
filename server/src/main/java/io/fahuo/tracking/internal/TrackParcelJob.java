package io.fahuo.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.shared.ExternalCallException;
import io.fahuo.tracking.domain.TrackedParcel;

/**
 * One durable job per parcel: subscribes it with its courier (once), then asks the courier about it and
 * plans the next question by the parcel's state, until it is delivered, returned or withdrawn. Pushes move
 * this job later; failed questions bring it sooner.
 */
@Configuration(proxyBeanMethods = false)
class TrackParcelJob {

    private static final Logger log = LoggerFactory.getLogger(TrackParcelJob.class);

    @Bean
    Task<String> trackParcelTask(ParcelRows rows, ParcelUpdates updates, ParcelContext context, CourierAccounts accounts,
                                 Couriers couriers, Clock clock, TrackingSettings settings) {
        return Tasks.custom(TrackingJobs.TRACK_PARCEL)
                .onFailure((FailureHandler<String>) (complete, ops) -> ops.reschedule(complete,
                        clock.instant().plus(settings.pollRetryFirst())))
                .execute((instance, ctx) -> {
                    long tenantId = TrackingJobs.tenantOf(instance.getData());
                    Optional<TrackedParcel> found = rows.get(tenantId, TrackingJobs.parcelOf(instance.getData()));
                    if (found.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    TrackedParcel parcel = found.get();
                    Instant now = clock.instant();
                    if (!parcel.settled()) {
                        parcel = ask(parcel, rows, updates, context, accounts.get(tenantId, parcel.courierAccountId()), couriers, now);
                    }
                    Optional<Instant> next = updates.policy().next(parcel, now).map(now::plus);
                    if (next.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    Instant at = next.get();
                    return (CompletionHandler<String>) (complete, ops) -> ops.reschedule(complete, at);
                });
    }

    private static TrackedParcel ask(TrackedParcel parcel, ParcelRows rows, ParcelUpdates updates, ParcelContext context,
                                     CourierAccount account, Couriers couriers, Instant now) {
        TraceQuery query = context.query(parcel);
        try {
            if (parcel.subscribedAt() == null && couriers.supports(account, CourierCapability.TRACK_SUBSCRIBE)) {
                couriers.subscribe(parcel.tenantId(), account.id(), query);
                rows.subscribed(parcel, now);
            }
            if (couriers.supports(account, CourierCapability.TRACK_QUERY)) {
                TraceSnapshot snapshot = couriers.trace(parcel.tenantId(), account.id(), query);
                updates.apply(parcel.tenantId(), parcel.id(), snapshot.events(), ParcelRows.Via.POLL);
            }
            rows.polled(parcel, now, false);
        } catch (ExternalCallException e) {
            log.info("tracking {} {} failed: {}", parcel.carrier(), parcel.trackingNumber(), e.getMessage());
            rows.polled(parcel, now, true);
        }
        return rows.get(parcel.tenantId(), parcel.id()).orElseThrow();
    }
}
