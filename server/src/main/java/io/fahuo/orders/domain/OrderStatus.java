package io.fahuo.orders.domain;

public enum OrderStatus {
    /** Not paid yet; nothing to do. */
    UNPAID,
    /** Paid and shippable; the pipeline works on it. */
    PENDING,
    /** Stopped by a rule or a person; shows why. */
    ON_HOLD,
    /** A courier issued its waybill; not yet confirmed to the platform. */
    WAYBILL_ISSUED,
    /** The platform knows it shipped. */
    SHIPPED,
    CANCELLED;

    public boolean isFinal() {
        return this == SHIPPED || this == CANCELLED;
    }
}
