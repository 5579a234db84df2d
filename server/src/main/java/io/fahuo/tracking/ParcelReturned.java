package io.fahuo.tracking;

import java.time.Instant;

import io.fahuo.shared.Carrier;

/** A parcel came back to the sender (refused, intercepted, undeliverable): its goods can go back into stock. */
public record ParcelReturned(long tenantId, long orderId, long shipmentId, Carrier carrier, String trackingNumber, Instant returnedAt) {
}
