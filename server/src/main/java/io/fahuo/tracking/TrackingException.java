package io.fahuo.tracking;

import java.time.Instant;

/** An exception on a parcel, for the merchant's list. Open while {@code resolvedAt} is null. */
public record TrackingException(long id, String kind, String detail, long shipmentId, long orderId, String carrier,
                                String trackingNumber, String parcelState, Instant raisedAt, Instant resolvedAt) {
}
