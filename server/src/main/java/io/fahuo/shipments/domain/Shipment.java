package io.fahuo.shipments.domain;

import java.time.Instant;

import io.fahuo.shared.Carrier;

public record Shipment(long id, long tenantId, long orderId, int packageNo, long warehouseId, Long courierAccountId,
                       Carrier carrier, WaybillSource waybillSource, String trackingNumber, String markDestination,
                       String sortingCode, String packageCenter, ShipmentStatus status, Instant waybillIssuedAt,
                       Instant labelRenderedAt, Instant shippedAt) {

    public boolean hasWaybill() {
        return trackingNumber != null;
    }

    /** The idempotency key given to couriers: one parcel, one waybill, however often it is asked for. */
    public String waybillKey() {
        return "FH" + id;
    }
}
