package io.fahuo.platforms.domain;

import java.util.List;

import io.fahuo.shared.Carrier;

/**
 * "This order left in these parcels": what a platform is told. Only built from waybills a courier issued
 * to this tenant (or courier-confirmed numbers), never from free text. {@code requestId} is stable per order,
 * for platforms that deduplicate by it.
 */
public record ShippingConfirmation(String platformOrderId, List<Parcel> parcels, String requestId) {

    public ShippingConfirmation {
        parcels = List.copyOf(parcels);
        if (parcels.isEmpty()) {
            throw new IllegalArgumentException("a shipping confirmation needs at least one parcel");
        }
    }

    /** One parcel: its waybill and which order lines (platform sub-order ids) it carries. */
    public record Parcel(Carrier carrier, String trackingNumber, List<Item> items) {
        public Parcel {
            items = List.copyOf(items);
        }
    }

    public record Item(String platformLineId, int quantity) {
    }

    public boolean singleParcel() {
        return parcels.size() == 1;
    }
}
