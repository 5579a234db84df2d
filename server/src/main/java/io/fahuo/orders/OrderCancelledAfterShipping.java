package io.fahuo.orders;

/** The platform cancelled or refunded an order that already shipped: the parcel should be intercepted. */
public record OrderCancelledAfterShipping(long tenantId, long orderId) {
}
