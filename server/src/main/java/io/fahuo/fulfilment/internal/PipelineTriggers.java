package io.fahuo.fulfilment.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.inventory.Stock;
import io.fahuo.orders.OrderCancelled;
import io.fahuo.orders.OrderRefundRequested;
import io.fahuo.orders.OrdersBecameShippable;
import io.fahuo.platforms.Shops;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.ShipmentStatus;

/**
 * Reacts to order intake inside the intake transaction, so an order and its pipeline job commit together:
 * there is no moment where a paid order exists without the job that will ship it.
 */
@Component
class PipelineTriggers {

    static final String REFUND_HOLD = "platform: the buyer requested a refund";

    private final Fulfilment fulfilment;
    private final Shops shops;
    private final Stock stock;
    private final Shipments shipments;
    private final SchedulerClient jobs;
    private final Clock clock;

    PipelineTriggers(Fulfilment fulfilment, Shops shops, Stock stock, Shipments shipments, SchedulerClient jobs, Clock clock) {
        this.fulfilment = fulfilment;
        this.shops = shops;
        this.stock = stock;
        this.shipments = shipments;
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener
    void on(OrdersBecameShippable event) {
        if (shops.get(event.tenantId(), event.shopId()).autoShip()) {
            fulfilment.start(event.tenantId(), event.orderIds());
        }
    }

    /** An open refund request stops the order wherever it is; the buyer may still get the money back. */
    @EventListener
    void on(OrderRefundRequested event) {
        fulfilment.holdAutomatically(event.tenantId(), event.orderId(), REFUND_HOLD);
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
