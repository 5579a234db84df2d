package io.fahuo.orders.domain;

/** Where an order's after-sale (refund or return) stands on the platform, summed over its lines. */
public enum AfterSale {
    NONE,
    /** A buyer asked for a refund of at least one line and the platform has not settled it: do not ship. */
    REQUESTED,
    /** Some lines were refunded, the others not: a person decides what still ships. */
    PARTLY_REFUNDED,
    /** Every line was refunded. */
    REFUNDED
}
