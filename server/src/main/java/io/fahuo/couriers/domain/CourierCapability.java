package io.fahuo.couriers.domain;

/**
 * What a courier integration can do. A connector declares its set; Fahuo asks only for what is declared
 * and tells the merchant plainly when a courier lacks something, instead of pretending.
 */
public enum CourierCapability {
    ISSUE_WAYBILL,
    CANCEL_WAYBILL,
    /** One request, several parcels: a master number with sub-numbers (子母件). */
    MULTI_PACKAGE,
    /** Ask for a parcel's trace now. */
    TRACK_QUERY,
    /** Ask the courier to push a parcel's trace to Fahuo from now on. */
    TRACK_SUBSCRIBE,
    /** The courier pushes traces to Fahuo's webhook. */
    TRACK_PUSH,
    /** Stop a parcel in transit and send it back (截单/拦截). */
    INTERCEPT,
    /** Report how many e-waybill numbers the account has left (面单余额). */
    WAYBILL_BALANCE,
    /**
     * Takes the receiver as the sales platform's own ciphertext ({@link WaybillRequest#platformReceiver()}) and
     * has the platform open it for the carrier: Fahuo never decrypts the receiver for such a waybill.
     */
    PLATFORM_RECEIVER
}
