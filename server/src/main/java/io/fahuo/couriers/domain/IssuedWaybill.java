package io.fahuo.couriers.domain;

import java.util.List;

import io.fahuo.shared.Carrier;

/**
 * A waybill a courier issued: the tracking number and the sorting data printed on the label
 * (大头笔 {@code markDestination}, three-segment {@code sortingCode}, 集包地 {@code packageCenter}); for a
 * multi-package shipment (子母件) the sub-parcels' numbers.
 */
public record IssuedWaybill(Carrier carrier, String trackingNumber, String markDestination, String sortingCode,
                            String packageCenter, List<String> subTrackingNumbers) {

    public IssuedWaybill {
        subTrackingNumbers = List.copyOf(subTrackingNumbers);
    }

    public IssuedWaybill(Carrier carrier, String trackingNumber, String markDestination, String sortingCode, String packageCenter) {
        this(carrier, trackingNumber, markDestination, sortingCode, packageCenter, List.of());
    }
}
