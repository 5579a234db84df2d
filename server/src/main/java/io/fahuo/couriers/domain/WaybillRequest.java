package io.fahuo.couriers.domain;

import java.util.List;

import io.fahuo.shared.Carrier;

/**
 * A request for one electronic waybill. {@code idempotencyKey} is stable per parcel (Fahuo's shipment), so
 * asking again after a crash returns the same waybill instead of a second one. {@code packages} above 1 asks
 * for a master number with sub-numbers (子母件).
 */
public record WaybillRequest(String idempotencyKey, Carrier carrier, Party sender, Party receiver,
                             List<ParcelItem> items, int weightGrams, String remark, int packages) {

    public WaybillRequest {
        items = List.copyOf(items);
        if (packages < 1) {
            throw new IllegalArgumentException("a waybill covers at least one package");
        }
    }

    public WaybillRequest(String idempotencyKey, Carrier carrier, Party sender, Party receiver, List<ParcelItem> items,
                          int weightGrams, String remark) {
        this(idempotencyKey, carrier, sender, receiver, items, weightGrams, remark, 1);
    }
}
