package io.fahuo.tracking;

import java.time.Instant;

import io.fahuo.shared.Carrier;

/**
 * A courier reported the parcel delivered (published in the transaction that records it). Platforms that take
 * a "delivered" status from the seller can write it from here; Douyin takes none from the seller (it follows
 * the carrier's trace itself), so for Douyin there is nothing to write.
 */
public record ParcelDelivered(long tenantId, long orderId, long shipmentId, Carrier carrier, String trackingNumber, Instant deliveredAt) {
}
