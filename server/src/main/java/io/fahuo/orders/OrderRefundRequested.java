package io.fahuo.orders;

/** A buyer asked for a refund of an order that has not shipped: the order must not ship while it is open. */
public record OrderRefundRequested(long tenantId, long orderId) {
}
