package io.fahuo.fulfilment.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.fulfilment.FulfilmentRules;
import io.fahuo.inventory.Stock;
import io.fahuo.orders.OrderAddressChanged;
import io.fahuo.orders.OrderCancelled;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.OrderRefundRequested;
import io.fahuo.orders.OrderRefundWithdrawn;
import io.fahuo.orders.OrdersBecameShippable;
import io.fahuo.platforms.Shops;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.tracking.HandEnteredNumberConfirmed;

/**
 * Reacts to order intake inside the intake transaction, so an order and its pipeline job commit together:
 * there is no moment where a paid order exists without the job that will ship it.
 */
@Component
class PipelineTriggers {

    static final String REFUND_HOLD = "platform: the buyer requested a refund";
    static final String ADDRESS_HOLD = "platform: the buyer changed the receiver address";

    private final Fulfilment fulfilment;
    private final Shops shops;
    private final Stock stock;
    private final Shipments shipments;
    private final SchedulerClient jobs;
    private final Clock clock;
    private final Orders orders;
    private final OrderProgress progress;
    private final FulfilmentRules rules;

    PipelineTriggers(Fulfilment fulfilment, Shops shops, Stock stock, Shipments shipments, SchedulerClient jobs, Clock clock,
                     Orders orders, OrderProgress progress, FulfilmentRules rules) {
        this.rules = rules;
        this.fulfilment = fulfilment;
        this.shops = shops;
        this.stock = stock;
        this.shipments = shipments;
        this.jobs = jobs;
        this.clock = clock;
        this.orders = orders;
        this.progress = progress;
    }

    @EventListener
    void on(OrdersBecameShippable event) {
        if (shops.get(event.tenantId(), event.shopId()).autoShip()) {
            fulfilment.start(event.tenantId(), event.orderIds());
        }
    }

    /**
     * A courier confirmed a hand-entered number: an order held for that resumes its write-back (a person
     * already shipped it by entering the number, so it goes on even where the shop does not ship by itself).
     */
    @EventListener
    void on(HandEnteredNumberConfirmed event) {
        progress.lock(event.tenantId(), event.orderId());
        Order order = orders.get(event.tenantId(), event.orderId());
        if (order.status() == OrderStatus.ON_HOLD && order.holdReason() != null
                && order.holdReason().startsWith(Fulfilment.AWAITING_COURIER_CONFIRMATION)) {
            fulfilment.release(event.tenantId(), event.orderId());
            fulfilment.start(event.tenantId(), List.of(event.orderId()));
        }
    }

    /** An open refund request stops the order wherever it is; the buyer may still get the money back. */
    @EventListener
    void on(OrderRefundRequested event) {
        fulfilment.holdAutomatically(event.tenantId(), event.orderId(), REFUND_HOLD);
    }

    /**
     * The refund request that held the order ended without a refund: the hold it caused is lifted, and the
     * order goes on where it stopped (by itself when the shop ships automatically). Holds for other reasons stay.
     */
    @EventListener
    void on(OrderRefundWithdrawn event) {
        long t = event.tenantId();
        progress.lock(t, event.orderId());
        Order order = orders.get(t, event.orderId());
        if (order.status() != OrderStatus.ON_HOLD || !REFUND_HOLD.equals(order.holdReason())) {
            return;
        }
        boolean hasWaybill = shipments.forOrder(t, order.id()).stream()
                .anyMatch(s -> s.hasWaybill() && s.status() == ShipmentStatus.WAYBILL_ISSUED);
        OrderStatus resume = hasWaybill ? OrderStatus.WAYBILL_ISSUED : OrderStatus.PENDING;
        if (progress.move(t, order.id(), Set.of(OrderStatus.ON_HOLD), resume, null, "AFTER_SALE",
                "refund request withdrawn on the platform; hold lifted → " + resume) && shops.get(t, order.shopId()).autoShip()) {
            fulfilment.start(t, List.of(order.id()));
        }
    }

    /**
     * The buyer's address changed on the platform before the order shipped. A live waybill carries the old
     * address: its parcel is replaced by an open one (the old label is void at once, its waybill goes back to
     * the courier), so the next waybill is issued for the new address. The order is held when the tenant
     * reviews address changes, or when a merged parcel would need a person; otherwise it goes on by itself.
     */
    @EventListener
    void on(OrderAddressChanged event) {
        long t = event.tenantId();
        progress.lock(t, event.orderId());
        Order order = orders.get(t, event.orderId());
        if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.WAYBILL_ISSUED && order.status() != OrderStatus.ON_HOLD) {
            return;
        }
        List<Shipment> live = shipments.forOrder(t, order.id()).stream()
                .filter(s -> s.hasWaybill() && s.status() == ShipmentStatus.WAYBILL_ISSUED).toList();
        if (live.stream().anyMatch(s -> s.orderId() != order.id() || shipments.ordersIn(t, s.id()).size() > 1)) {
            fulfilment.holdAutomatically(t, order.id(), ADDRESS_HOLD + "; it travels in a merged parcel, re-pack it by hand");
            return;
        }
        for (Shipment s : live) {
            shipments.replaceForNewReceiver(t, s.id()).ifPresent(replacement -> {
                jobs.scheduleIfNotExists(PipelineJobs.CANCEL_WAYBILL.instance(Long.toString(s.id()))
                        .data(CancelWaybillJob.replacedData(t, s.id())).scheduledTo(clock.instant()));
                progress.record(t, order.id(), "ADDRESS", io.fahuo.orders.domain.TimelineEntry.Outcome.OK, "waybill " + s.trackingNumber()
                        + " is void (old address); parcel " + replacement.id() + " will get a waybill for the new address", 0);
            });
        }
        if (rules.holdsOnAddressChange(t)) {
            fulfilment.holdAutomatically(t, order.id(), ADDRESS_HOLD);
        } else if (!live.isEmpty() && progress.move(t, order.id(), Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.PENDING, null,
                "ADDRESS", "back to waiting for a waybill (new address)") && shops.get(t, order.shopId()).autoShip()) {
            fulfilment.start(t, List.of(order.id()));
        }
    }

    @EventListener
    void on(OrderCancelled event) {
        stock.release(event.tenantId(), event.orderId());
        shipments.forOrder(event.tenantId(), event.orderId()).stream()
                .filter(s -> s.hasWaybill() && s.status() == ShipmentStatus.WAYBILL_ISSUED)
                .forEach(s -> jobs.scheduleIfNotExists(PipelineJobs.CANCEL_WAYBILL.instance(Long.toString(s.id()))
                        .data(PipelineJobs.data(event.tenantId(), s.id())).scheduledTo(clock.instant())));
    }
}
