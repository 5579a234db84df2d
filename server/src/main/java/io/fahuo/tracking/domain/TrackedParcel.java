package io.fahuo.tracking.domain;

import java.time.Instant;

import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.shared.Carrier;
import io.fahuo.shipments.domain.WaybillSource;

/**
 * A parcel Fahuo follows. {@code courierAccountId} is the account it is traced through (the issuing one,
 * or for a hand-entered number one that covers its carrier). {@code confirmedAt}: when a courier first
 * showed a trace for the number.
 */
public record TrackedParcel(long id, long tenantId, long shipmentId, long orderId, long courierAccountId, Carrier carrier,
                            String trackingNumber, WaybillSource source, ParcelState state, Instant stateAt,
                            Instant lastEventAt, Instant registeredAt, Instant subscribedAt, Instant confirmedAt,
                            Instant deliveredAt, InterceptState interceptState, String interceptDetail,
                            Instant interceptRequestedAt, Instant lastPolledAt, int pollFailures) {

    public boolean courierConfirmed() {
        return confirmedAt != null;
    }

    /** Nothing more to learn: delivered, returned, or withdrawn before it ever left. */
    public boolean settled() {
        return state.finished() || interceptState == InterceptState.WITHDRAWN;
    }
}
