package io.fahuo.fulfilment.internal;

import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.fahuo.inventory.Skus;
import io.fahuo.inventory.Stock;
import io.fahuo.inventory.domain.StockLine;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.OrderLine;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.tracking.ParcelReturned;

/**
 * A returned parcel's goods go back on hand. Runs after the tracking transaction commits, from the event
 * publication registry (the outbox), so a crash between the two is retried, not lost.
 */
@Component
class Restocking {

    private final Shipments shipments;
    private final Orders orders;
    private final Skus skus;
    private final Stock stock;
    private final OrderProgress progress;

    Restocking(Shipments shipments, Orders orders, Skus skus, Stock stock, OrderProgress progress) {
        this.shipments = shipments;
        this.orders = orders;
        this.skus = skus;
        this.stock = stock;
        this.progress = progress;
    }

    @ApplicationModuleListener
    void on(ParcelReturned event) {
        long t = event.tenantId();
        Shipment parcel = shipments.get(t, event.shipmentId());
        Map<Long, Integer> packed = shipments.items(t, parcel.id());
        List<Long> orderIds = packed.isEmpty() ? List.of(parcel.orderId()) : shipments.ordersIn(t, parcel.id());
        for (long orderId : orderIds) {
            List<OrderLine> lines = orders.get(t, orderId).lines().stream()
                    .filter(l -> l.skuCode() != null && (packed.isEmpty() || packed.containsKey(l.id()))).toList();
            Map<String, Integer> units = skus.expand(t, lines.stream()
                    .map(l -> new StockLine(l.skuCode(), packed.getOrDefault(l.id(), l.quantity()))).toList());
            if (stock.returnToStock(t, parcel.warehouseId(), orderId, units, "parcel " + parcel.trackingNumber())) {
                progress.record(t, orderId, "RETURN", Outcome.OK, "parcel " + parcel.trackingNumber() + " came back; "
                        + units.values().stream().mapToInt(Integer::intValue).sum() + " units restocked", 0);
            }
        }
    }
}
