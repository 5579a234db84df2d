package io.fahuo.shipments;

import io.fahuo.shared.Carrier;

/** A courier's waybill was stored on a parcel (published inside the recording transaction). */
public record WaybillIssued(long tenantId, long orderId, long shipmentId, Long courierAccountId, Carrier carrier, String trackingNumber) {
}
