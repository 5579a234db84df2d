package io.fahuo.couriers.domain;

import io.fahuo.shared.Carrier;

/** Stop this parcel and send it back to {@code returnTo} (the shipping warehouse's sender profile). */
public record InterceptRequest(Carrier carrier, String trackingNumber, String orderCode, Party returnTo, String reason) {
}
