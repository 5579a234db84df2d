package io.fahuo.couriers.domain;

import java.util.Set;

/** Where a parcel is, in one vocabulary for every courier. */
public enum ParcelState {
    AWAITING_PICKUP,
    COLLECTED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    /** The courier reports a problem (refused, address wrong, lost, overdue…). */
    EXCEPTION,
    /** On its way back to the sender. */
    RETURNING,
    RETURNED,
    /** Stopped at the sender's request (before pickup: the waybill was withdrawn). */
    INTERCEPTED;

    private static final Set<ParcelState> MOVING = Set.of(COLLECTED, IN_TRANSIT, OUT_FOR_DELIVERY);

    /** Collected and travelling towards the receiver. */
    public boolean moving() {
        return MOVING.contains(this);
    }

    /** Nothing more will happen to the parcel. */
    public boolean finished() {
        return this == DELIVERED || this == RETURNED;
    }

    /** Heading back to the sender, or stopped for that. */
    public boolean inReturnFlow() {
        return this == INTERCEPTED || this == RETURNING || this == RETURNED;
    }
}
