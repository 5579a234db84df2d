package io.fahuo.orders.domain;

/** What the platform says about an order, reduced to what matters for shipping. */
public enum PlatformState {
    UNPAID,
    /** Paid but held by the platform (risk review, presale lock). */
    PAID_HELD,
    /** Paid and may ship now. */
    SHIPPABLE,
    PARTLY_SHIPPED,
    SHIPPED,
    COMPLETED,
    CANCELLED
}
