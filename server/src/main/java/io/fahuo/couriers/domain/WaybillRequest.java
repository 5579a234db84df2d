package io.fahuo.couriers.domain;

import java.util.List;

import io.fahuo.shared.Carrier;

/**
 * A request for one electronic waybill. {@code idempotencyKey} is stable per parcel (Fahuo's shipment), so
 * asking again after a crash returns the same waybill instead of a second one.
 */
public record WaybillRequest(String idempotencyKey, Carrier carrier, Party sender, Party receiver,
                             List<ParcelItem> items, int weightGrams, String remark) {

    public WaybillRequest {
        items = List.copyOf(items);
    }
}
