package io.fahuo.fulfilment.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.fulfilment.domain.Backoff;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;

/** Gives a waybill back to the courier when its order was cancelled before shipping (the label becomes void). */
@Configuration(proxyBeanMethods = false)
class CancelWaybillJob {

    static final String REPLACED = "replaced";

    static String replacedData(long tenantId, long shipmentId) {
        return tenantId + ":" + shipmentId + ":" + REPLACED;
    }

    @Bean
    Task<String> cancelWaybillTask(Shipments shipments, Couriers couriers, OrderProgress progress, Clock clock) {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(30));
        return Tasks.custom(PipelineJobs.CANCEL_WAYBILL)
                .onFailure((FailureHandler<String>) (complete, ops) -> ops.reschedule(complete,
                        clock.instant().plus(backoff.delay(complete.getExecution().consecutiveFailures))))
                .execute((instance, ctx) -> {
                    String[] data = instance.getData().split(":");
                    long tenantId = Long.parseLong(data[0]);
                    Shipment s = shipments.get(tenantId, Long.parseLong(data[1]));
                    // a parcel replaced after an address change is void already; its waybill still goes back to the courier
                    boolean replaced = data.length > 2 && REPLACED.equals(data[2]);
                    if (s.status() == ShipmentStatus.SHIPPED || (s.status() == ShipmentStatus.CANCELLED && !replaced) || !s.hasWaybill()) {
                        return new com.github.kagkarlsson.scheduler.task.CompletionHandler.OnCompleteRemove<>();
                    }
                    try {
                        couriers.cancel(tenantId, s.courierAccountId(), s.waybillKey(),
                                new IssuedWaybill(s.carrier(), s.trackingNumber(), s.markDestination(), s.sortingCode(), s.packageCenter()));
                    } catch (RuntimeException e) {
                        progress.record(tenantId, s.orderId(), "CANCEL", Outcome.ERROR,
                                "cancelling waybill " + s.trackingNumber() + " failed: " + e.getMessage(),
                                ctx.getExecution().consecutiveFailures + 1);
                        throw e;
                    }
                    shipments.markCancelled(tenantId, s.id());
                    progress.record(tenantId, s.orderId(), "CANCEL", Outcome.OK,
                            "waybill " + s.trackingNumber() + " cancelled with the courier; its label is void", 0);
                    return new com.github.kagkarlsson.scheduler.task.CompletionHandler.OnCompleteRemove<>();
                });
    }
}
