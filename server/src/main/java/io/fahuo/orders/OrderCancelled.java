package io.fahuo.orders;

import io.fahuo.orders.domain.OrderStatus;

/** The platform cancelled an order Fahuo had not shipped; {@code previous} tells how far it had come. */
public record OrderCancelled(long tenantId, long orderId, OrderStatus previous) {
}
