package io.fahuo.tracking;

import java.time.Instant;
import java.util.List;

/**
 * A parcel as the merchant sees it: the normalised state and every line the courier reported, newest first,
 * with the exceptions open on it.
 */
public record ParcelTracking(long shipmentId, long orderId, String carrier, String trackingNumber, String source,
                             String state, Instant stateSince, Instant lastEventAt, boolean courierConfirmed,
                             Instant deliveredAt, String intercept, String interceptDetail, List<Line> events,
                             List<OpenException> exceptions) {

    /** One trace line: when, where, what the courier wrote, its own code, what it means, how it reached Fahuo. */
    public record Line(Instant at, String place, String text, String courierCode, String state, String via) {
    }

    public record OpenException(String kind, String detail, Instant raisedAt) {
    }
}
