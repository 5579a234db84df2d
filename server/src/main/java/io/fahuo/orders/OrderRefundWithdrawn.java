package io.fahuo.orders;

/** The buyer's refund request of an order that has not shipped ended without a refund (withdrawn or refused). */
public record OrderRefundWithdrawn(long tenantId, long orderId) {
}
