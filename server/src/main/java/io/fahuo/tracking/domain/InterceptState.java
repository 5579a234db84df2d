package io.fahuo.tracking.domain;

/** Where an interception Fahuo asked for stands. */
public enum InterceptState {
    REQUESTED,
    /** The courier accepted: the parcel returns to the sender. */
    ACCEPTED,
    /** Not collected yet: the waybill was withdrawn, the parcel never leaves. */
    WITHDRAWN,
    /** The courier refused. */
    REFUSED,
    /** The courier offers no interception and the parcel had left: a person must call the carrier. */
    UNSUPPORTED,
    /** Delivered before it could be stopped. */
    TOO_LATE;

    public boolean failed() {
        return this == REFUSED || this == UNSUPPORTED || this == TOO_LATE;
    }
}
