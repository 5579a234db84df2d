package io.fahuo.shipments.domain;

/** Where a tracking number came from; only trusted sources may be written back to a platform as they are. */
public enum WaybillSource {
    /** Issued to this tenant's courier account through the courier's API. */
    COURIER_API,
    /**
     * Typed or scanned in by a person (scan-to-ship, a factory's or supplier's own waybill). It matched the
     * carrier's number shape when entered, but reaches a platform only after a courier trace confirms it.
     */
    HAND_ENTERED;

    public boolean trusted() {
        return this == COURIER_API;
    }
}
