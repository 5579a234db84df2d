package io.fahuo.fulfilment;

import java.util.List;

import org.springframework.stereotype.Service;

import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.platforms.ShippingCorrections;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.shared.ConflictException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.Tracking;

/**
 * Puts a shipped order's current tracking number on the platform when the platform shows another one (the
 * waybill was re-issued after the write-back, or the number was changed by hand on the platform). The number
 * must be one a courier issued to the tenant, or a hand-entered one a courier trace confirmed: a correction
 * never ships virtually either.
 */
@Service
public class ShippingNumberCorrections {

    public record Correction(long orderId, String carrier, String trackingNumber) {
    }

    private final Orders orders;
    private final Shipments shipments;
    private final Tracking tracking;
    private final ShippingCorrections corrections;
    private final OrderProgress progress;

    ShippingNumberCorrections(Orders orders, Shipments shipments, Tracking tracking, ShippingCorrections corrections,
                              OrderProgress progress) {
        this.orders = orders;
        this.shipments = shipments;
        this.tracking = tracking;
        this.corrections = corrections;
        this.progress = progress;
    }

    public Correction correct(long tenantId, long orderId) {
        Order order = orders.get(tenantId, orderId);
        if (order.status() != OrderStatus.SHIPPED) {
            throw new ConflictException("order " + order.platformOrderId() + " is " + order.status()
                    + "; only a shipped order's written-back number can be corrected");
        }
        List<Shipment> parcels = shipments.forOrder(tenantId, orderId).stream().filter(p -> p.status() != ShipmentStatus.CANCELLED)
                .filter(Shipment::hasWaybill).toList();
        if (parcels.size() != 1) {
            throw new ConflictException("order " + order.platformOrderId() + " has " + parcels.size()
                    + " parcels with a waybill; a correction replaces the number of a single-parcel order");
        }
        Shipment parcel = parcels.get(0);
        boolean trusted = parcel.waybillSource() == WaybillSource.COURIER_API
                || (parcel.waybillSource() == WaybillSource.HAND_ENTERED && tracking.courierConfirmed(tenantId, parcel.id()));
        if (!trusted) {
            throw new ConflictException("the number " + parcel.trackingNumber() + " was neither issued by a courier nor confirmed by a "
                    + "courier trace; it is not sent to the platform");
        }
        ConfirmationOutcome outcome = corrections.correct(tenantId, order.shopId(), order.platformOrderId(), parcel.carrier(),
                parcel.trackingNumber());
        String number = parcel.carrier() + " " + parcel.trackingNumber();
        if (outcome.kind() != ConfirmationOutcome.Kind.CONFIRMED) {
            progress.record(tenantId, orderId, "WRITE_BACK", Outcome.ERROR, "correction to " + number + " refused: " + outcome.detail(), 1);
            throw new ConflictException(order.platform() + " refused the correction to " + number + ": " + outcome.detail());
        }
        progress.record(tenantId, orderId, "WRITE_BACK", Outcome.OK, order.platform() + " now shows " + number + " (corrected)", 1);
        return new Correction(orderId, parcel.carrier().name(), parcel.trackingNumber());
    }
}
