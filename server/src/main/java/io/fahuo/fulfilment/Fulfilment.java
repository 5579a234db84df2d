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
import io.fahuo.shared.NotFoundException;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.platforms.Shops;
import io.fahuo.shipments.Shipments;

/** What people (API, console) and other modules may ask of the pipeline. */
@Service
public class Fulfilment {

    /** Hold reason of an order whose hand-entered number no courier trace has confirmed yet. */
    public static final String AWAITING_COURIER_CONFIRMATION = "hand-entered number awaits a courier trace: ";

    private final SchedulerClient jobs;
    private final Clock clock;
    private final Orders orders;
    private final OrderProgress progress;
    private final Shipments shipments;
    private final Shops shops;

    private final PipelineSteps steps;

    Fulfilment(SchedulerClient jobs, Clock clock, Orders orders, OrderProgress progress, Shipments shipments, Shops shops,
               PipelineSteps steps) {
        this.shops = shops;
        this.steps = steps;
        this.jobs = jobs;
        this.clock = clock;
        this.orders = orders;
        this.progress = progress;
        this.shipments = shipments;
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

    /** A hold placed by a rule or the platform; a no-op for orders that shipped or were cancelled. */
    @Transactional
    public boolean holdAutomatically(long tenantId, long orderId, String reason) {
        return progress.move(tenantId, orderId, Set.of(OrderStatus.UNPAID, OrderStatus.PENDING, OrderStatus.WAYBILL_ISSUED),
                OrderStatus.ON_HOLD, reason, "HOLD", null);
    }

    /**
     * Scan-to-ship: the packer scans a parcel's tracking number; the parcel is confirmed to the platform now.
     * Only numbers Fahuo obtained from a courier are known here; anything else is refused.
     */
    public Order shipScanned(long tenantId, String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new InvalidRequestException("a tracking number is required");
        }
        Shipment parcel = shipments.findByTrackingNumber(tenantId, trackingNumber.strip())
                .orElseThrow(() -> new NotFoundException("no parcel of this merchant has tracking number " + trackingNumber.strip()));
        Order order = orders.get(tenantId, parcel.orderId());
        if (parcel.status() == ShipmentStatus.SHIPPED || order.status() == OrderStatus.SHIPPED) {
            throw new ConflictException("parcel " + parcel.trackingNumber() + " has already shipped");
        }
        if (parcel.status() == ShipmentStatus.CANCELLED || order.status() != OrderStatus.WAYBILL_ISSUED) {
            throw new ConflictException("order " + order.platformOrderId() + " is " + order.status()
                    + (order.holdReason() == null ? "" : " (" + order.holdReason() + ")") + "; its parcel cannot ship");
        }
        steps.advance(tenantId, order.id(), 1, PipelineSteps.Goal.SHIPPED);
        return orders.get(tenantId, order.id());
    }

    /**
     * Releases a hold; the order resumes where it stopped (before or after its waybill), by itself when its
     * shop ships automatically, otherwise when a person ships it.
     */
    @Transactional
    public void release(long tenantId, long orderId) {
        Order order = orders.get(tenantId, orderId);
        if (order.status() != OrderStatus.ON_HOLD) {
            throw new ConflictException("order " + orderId + " is " + order.status() + ", not ON_HOLD");
        }
        boolean hasWaybill = shipments.forOrder(tenantId, orderId).stream().anyMatch(s -> s.hasWaybill() && s.status() != ShipmentStatus.CANCELLED);
        OrderStatus resume = hasWaybill ? OrderStatus.WAYBILL_ISSUED : OrderStatus.PENDING;
        progress.move(tenantId, orderId, Set.of(OrderStatus.ON_HOLD), resume, null, "RELEASE", "hold released → " + resume);
        progress.markReviewed(tenantId, orderId);
        if (shops.get(tenantId, order.shopId()).autoShip()) {
            start(tenantId, List.of(orderId));
        }
    }
}
