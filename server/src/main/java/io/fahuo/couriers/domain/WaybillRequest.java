package io.fahuo.couriers.domain;

import java.util.List;

import io.fahuo.shared.Carrier;

/**
 * A request for one electronic waybill. {@code idempotencyKey} is stable per parcel (Fahuo's shipment), so
 * asking again after a crash returns the same waybill instead of a second one. {@code packages} above 1 asks
 * for a master number with sub-numbers (子母件). Either {@code receiver} is given in clear, or (for a courier
 * with {@link CourierCapability#PLATFORM_RECEIVER}) {@code platformReceiver} carries the platform's ciphertext
 * and {@code receiver} is null.
 */
public record WaybillRequest(String idempotencyKey, Carrier carrier, Party sender, Party receiver,
                             List<ParcelItem> items, int weightGrams, String remark, int packages,
                             PlatformReceiver platformReceiver) {

    public WaybillRequest {
        items = List.copyOf(items);
        if (packages < 1) {
            throw new IllegalArgumentException("a waybill covers at least one package");
        }
        if (receiver == null && platformReceiver == null) {
            throw new IllegalArgumentException("a waybill needs a receiver, in clear or as the platform's ciphertext");
        }
    }

    public WaybillRequest(String idempotencyKey, Carrier carrier, Party sender, Party receiver, List<ParcelItem> items,
                          int weightGrams, String remark, int packages) {
        this(idempotencyKey, carrier, sender, receiver, items, weightGrams, remark, packages, null);
    }

    public WaybillRequest(String idempotencyKey, Carrier carrier, Party sender, Party receiver, List<ParcelItem> items,
                          int weightGrams, String remark) {
        this(idempotencyKey, carrier, sender, receiver, items, weightGrams, remark, 1, null);
    }

    /** A request whose receiver stays the platform's ciphertext. */
    public static WaybillRequest withPlatformReceiver(String idempotencyKey, Carrier carrier, Party sender,
                                                      PlatformReceiver receiver, List<ParcelItem> items, int weightGrams) {
        return new WaybillRequest(idempotencyKey, carrier, sender, null, items, weightGrams, null, 1, receiver);
    }
}
