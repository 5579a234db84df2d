package io.fahuo.shipments.domain;

/** Where a tracking number came from; only trusted sources may be written back to a platform. */
public enum WaybillSource {
    /** Issued to this tenant's courier account through the courier's API. */
    COURIER_API;

    public boolean trusted() {
        return this == COURIER_API;
    }
}
