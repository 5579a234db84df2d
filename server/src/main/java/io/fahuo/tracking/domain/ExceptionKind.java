package io.fahuo.tracking.domain;

/** What about a parcel a merchant must look at. Each kind has a rule a tenant can tune (or switch off). */
public enum ExceptionKind {
    /** No pickup scan long after the waybill was issued (揽收超时). */
    NO_PICKUP,
    /** Collected, but no movement for a long time (停滞). */
    STALLED,
    /** The courier reports a problem (refused, wrong address, lost…). */
    PROBLEM,
    /** On its way back to the sender, or back already. */
    RETURNED,
    /** A hand-entered number that no courier trace confirmed in time: it is not written back. */
    UNCONFIRMED_NUMBER,
    /** The order was cancelled after shipping and the parcel could not be intercepted. */
    INTERCEPT_FAILED
}
