package io.fahuo.couriers.domain;

import io.fahuo.shared.Carrier;

/**
 * A waybill a courier issued: the tracking number and the sorting data printed on the label
 * (大头笔 {@code markDestination}, three-segment {@code sortingCode}, 集包地 {@code packageCenter}).
 */
public record IssuedWaybill(Carrier carrier, String trackingNumber, String markDestination, String sortingCode,
                            String packageCenter) {
}
