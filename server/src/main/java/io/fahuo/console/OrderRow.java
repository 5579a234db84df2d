package io.fahuo.console;

import java.util.List;

import io.fahuo.orders.domain.Order;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;

/** One order as the console lists it: the order and the waybill of its live parcel, if any. */
record OrderRow(Order order, Shipment parcel) {

    static OrderRow of(Order order, List<Shipment> shipments) {
        Shipment live = shipments.stream().filter(s -> s.hasWaybill() && s.status() != ShipmentStatus.CANCELLED).findFirst()
                .orElse(shipments.stream().filter(Shipment::hasWaybill).findFirst().orElse(null));
        return new OrderRow(order, live);
    }

    public String receiver() {
        return order.receiver().maskedText();
    }
}
