package io.fahuo.platforms.domain;

/** How the platform answered a shipping confirmation, reduced to what the pipeline must do next. */
public record ConfirmationOutcome(Kind kind, String detail) {

    public enum Kind {
        /** Accepted now, or earlier with the very same tracking number. */
        CONFIRMED,
        /** The buyer cancelled: stop, cancel the waybill, release stock. */
        CANCELLED_ON_PLATFORM,
        /** A refund is pending or the platform holds the order: wait for a person or the platform. */
        HELD_BY_PLATFORM,
        /** Shipped already with another tracking number: a person must reconcile. */
        SHIPPED_ELSEWHERE,
        /** The platform refuses the data (unknown order, unknown carrier): a person must look. */
        REJECTED
    }

    public static ConfirmationOutcome confirmed() {
        return new ConfirmationOutcome(Kind.CONFIRMED, null);
    }

    public static ConfirmationOutcome of(Kind kind, String detail) {
        return new ConfirmationOutcome(kind, detail);
    }
}
