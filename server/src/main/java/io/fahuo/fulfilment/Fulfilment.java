package io.fahuo.fulfilment;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;

import io.fahuo.fulfilment.internal.PipelineJobs;
import io.fahuo.fulfilment.internal.PipelineSteps;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;

/** What people (API, console) and other modules may ask of the pipeline. */
@Service
public class Fulfilment {

    private final SchedulerClient jobs;
    private final Clock clock;
    private final Orders orders;
    private final OrderProgress progress;
    private final Shipments shipments;
    private final PipelineSteps steps;

    Fulfilment(SchedulerClient jobs, Clock clock, Orders orders, OrderProgress progress, Shipments shipments, PipelineSteps steps) {
        this.jobs = jobs;
        this.clock = clock;
        this.orders = orders;
        this.progress = progress;
        this.shipments = shipments;
        this.steps = steps;
    }

    /** Starts (or, if it waits, wakes) the pipeline of these orders; joins the caller's transaction. */
    @Transactional
    public void start(long tenantId, Collection<Long> orderIds) {
        for (Long id : orderIds) {
            jobs.schedule(PipelineJobs.FULFIL_ORDER.instance(Long.toString(id)).data(PipelineJobs.data(tenantId, id))
                    .scheduledTo(clock.instant()), ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        }
    }

    /** Runs the order's waiting step now instead of at its back-off time. */
    @Transactional
    public void retryNow(long tenantId, long orderId) {
        Order order = orders.get(tenantId, orderId);
        if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.WAYBILL_ISSUED) {
            throw new ConflictException("order " + orderId + " is " + order.status() + "; only PENDING or WAYBILL_ISSUED orders have a step to retry");
        }
        boolean moved = jobs.reschedule(PipelineJobs.FULFIL_ORDER.instanceId(Long.toString(orderId)), clock.instant());
        if (!moved) {
            start(tenantId, List.of(orderId));
        }
    }

    @Transactional
    public void hold(long tenantId, long orderId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("a hold needs a reason");
        }
        Order order = orders.get(tenantId, orderId);
        boolean held = progress.move(tenantId, orderId, Set.of(OrderStatus.UNPAID, OrderStatus.PENDING, OrderStatus.WAYBILL_ISSUED),
                OrderStatus.ON_HOLD, "manual: " + reason.strip(), "HOLD", null);
        if (!held) {
            throw new ConflictException("order " + orderId + " is " + order.status() + " and cannot be held");
        }
    }

    /** Releases a hold; the order resumes where it stopped (before or after its waybill). */
    @Transactional
    public void release(long tenantId, long orderId) {
        Order order = orders.get(tenantId, orderId);
        if (order.status() != OrderStatus.ON_HOLD) {
            throw new ConflictException("order " + orderId + " is " + order.status() + ", not ON_HOLD");
        }
        boolean hasWaybill = shipments.forOrder(tenantId, orderId).stream().anyMatch(s -> s.hasWaybill() && s.status() != io.fahuo.shipments.domain.ShipmentStatus.CANCELLED);
        OrderStatus resume = hasWaybill ? OrderStatus.WAYBILL_ISSUED : OrderStatus.PENDING;
        progress.move(tenantId, orderId, Set.of(OrderStatus.ON_HOLD), resume, null, "RELEASE", "hold released → " + resume);
        start(tenantId, List.of(orderId));
    }

    /**
     * Scan-to-ship: the packer scanned the label of a parcel, so it leaves now. Only a number a courier issued
     * to this tenant through Fahuo is accepted (never ship virtually); its order's write-back runs at once, in
     * the caller's thread, so the scanner hears whether the platform took it.
     */
    public ScanOutcome shipScanned(long tenantId, String trackingNumber) {
        String number = trackingNumber == null ? "" : trackingNumber.strip();
        if (number.isEmpty()) {
            throw new InvalidRequestException("scan or type a tracking number");
        }
        Shipment parcel = shipments.findByTrackingNumber(tenantId, number)
                .filter(s -> s.waybillSource() != null && s.waybillSource().trusted()).orElse(null);
        if (parcel == null) {
            return new ScanOutcome(ScanOutcome.Kind.UNKNOWN_NUMBER, number, null, null,
                    "no waybill with this number was issued to this merchant through Fahuo");
        }
        Order order = orders.get(tenantId, parcel.orderId());
        if (parcel.status() == ShipmentStatus.CANCELLED) {
            return outcome(ScanOutcome.Kind.NOT_SHIPPABLE, number, order, "the waybill was cancelled; its label is void");
        }
        switch (order.status()) {
            case SHIPPED:
                return outcome(ScanOutcome.Kind.ALREADY_SHIPPED, number, order, null);
            case WAYBILL_ISSUED:
                break;
            default:
                return outcome(ScanOutcome.Kind.NOT_SHIPPABLE, number, order,
                        order.status() + (order.holdReason() == null ? "" : ": " + order.holdReason()));
        }
        try {
            steps.advance(tenantId, order.id(), 1, PipelineSteps.Goal.SHIPPED);
        } catch (RuntimeException e) {
            return outcome(ScanOutcome.Kind.FAILED, number, order, e.getMessage());
        }
        Order after = orders.get(tenantId, order.id());
        return after.status() == OrderStatus.SHIPPED
                ? outcome(ScanOutcome.Kind.SHIPPED, number, after, null)
                : outcome(ScanOutcome.Kind.FAILED, number, after,
                        after.status() + (after.holdReason() == null ? "" : ": " + after.holdReason()));
    }

    private static ScanOutcome outcome(ScanOutcome.Kind kind, String number, Order order, String detail) {
        return new ScanOutcome(kind, number, order.id(), order.platformOrderId(), detail);
    }
}
