package io.fahuo.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.InterceptOutcome;
import io.fahuo.couriers.domain.InterceptRequest;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.couriers.domain.TraceEvent;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.domain.InterceptState;
import io.fahuo.tracking.domain.TrackedParcel;

/**
 * Stops a parcel whose order was cancelled or refunded after shipping. Where the courier intercepts
 * (SF), it asks for the parcel to be returned to the sender; where it cannot (Kdniao) but the parcel was
 * not collected yet, it withdraws the waybill, which keeps the parcel home; otherwise it tells the merchant
 * to call the carrier. The courier's answer is kept as a line of the parcel's trace.
 */
@Configuration(proxyBeanMethods = false)
class InterceptParcelJob {

    private static final Duration RETRY_FIRST = Duration.ofMinutes(1);
    private static final Duration RETRY_MAX = Duration.ofHours(1);

    @Bean
    Task<String> interceptParcelTask(ParcelRows rows, ParcelUpdates updates, ParcelContext context, CourierAccounts accounts,
                                     Couriers couriers, OrderProgress progress, Clock clock, PlatformTransactionManager txManager) {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        return Tasks.custom(TrackingJobs.INTERCEPT_PARCEL)
                .onFailure((FailureHandler<String>) (complete, ops) -> {
                    long doubled = RETRY_FIRST.toMillis() << Math.min(complete.getExecution().consecutiveFailures, 10);
                    ops.reschedule(complete, clock.instant().plus(Duration.ofMillis(Math.min(doubled, RETRY_MAX.toMillis()))));
                })
                .execute((instance, ctx) -> {
                    long tenantId = TrackingJobs.tenantOf(instance.getData());
                    Optional<TrackedParcel> found = rows.get(tenantId, TrackingJobs.parcelOf(instance.getData()));
                    if (found.isEmpty() || found.get().interceptState() != InterceptState.REQUESTED) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    TrackedParcel p = found.get();
                    CourierAccount account = accounts.get(tenantId, p.courierAccountId());
                    Instant now = clock.instant();
                    Decision d = decide(p, account, couriers, context, now);
                    tx.executeWithoutResult(s -> {
                        TrackedParcel locked = rows.lock(tenantId, p.id()).orElseThrow();
                        if (!rows.intercept(locked, d.state(), d.detail(), now)) {
                            return;
                        }
                        if (d.line() != null) {
                            rows.addLines(locked, List.of(d.line()), ParcelRows.Via.ANSWER, now);
                        }
                        progress.record(tenantId, p.orderId(), "INTERCEPT", d.state().failed() ? Outcome.ERROR : Outcome.OK,
                                p.carrier() + " " + p.trackingNumber() + ": " + d.detail(), 0);
                        updates.refresh(rows.get(tenantId, p.id()).orElseThrow(), now);
                    });
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    private record Decision(InterceptState state, String detail, TraceEvent line) {
    }

    /** Calls the courier where that helps; a retryable courier failure propagates, and the job tries again. */
    private static Decision decide(TrackedParcel p, CourierAccount account, Couriers couriers, ParcelContext context, Instant now) {
        if (p.state().finished()) {
            return new Decision(InterceptState.TOO_LATE, "already " + p.state() + " before the cancellation arrived", null);
        }
        if (couriers.supports(account, CourierCapability.INTERCEPT)) {
            InterceptOutcome o = couriers.intercept(p.tenantId(), account.id(), new InterceptRequest(p.carrier(), p.trackingNumber(),
                    context.waybillKey(p), context.returnAddress(p), "order cancelled after shipping"));
            return o.accepted()
                    ? new Decision(InterceptState.ACCEPTED, o.message(),
                            new TraceEvent(now, null, o.message(), "INTERCEPT", ParcelState.INTERCEPTED))
                    : new Decision(InterceptState.REFUSED, account.provider() + " refused the interception: " + o.code() + " " + o.message(), null);
        }
        boolean withdrawable = p.state() == ParcelState.AWAITING_PICKUP && p.source() == WaybillSource.COURIER_API
                && couriers.supports(account, CourierCapability.CANCEL_WAYBILL);
        if (!withdrawable) {
            return new Decision(InterceptState.UNSUPPORTED, account.provider() + " offers no interception and the parcel has left ("
                    + p.state() + "); ask " + p.carrier().displayName() + " to return " + p.trackingNumber(), null);
        }
        try {
            couriers.cancel(p.tenantId(), account.id(), context.waybillKey(p),
                    new IssuedWaybill(p.carrier(), p.trackingNumber(), null, null, null));
        } catch (CourierException e) {
            if (e.retryable()) {
                throw e;
            }
            return new Decision(InterceptState.REFUSED, account.provider() + " would not withdraw the waybill: " + e.getMessage(), null);
        }
        String text = "waybill withdrawn before pickup: the parcel does not leave";
        return new Decision(InterceptState.WITHDRAWN, text, new TraceEvent(now, null, text, "CANCEL", ParcelState.INTERCEPTED));
    }
}
