package io.fahuo.tracking;

import io.fahuo.shared.Carrier;

/** A courier's trace confirmed a hand-entered number: it may now be written back to the platform. */
public record HandEnteredNumberConfirmed(long tenantId, long orderId, long shipmentId, Carrier carrier, String trackingNumber) {
}
