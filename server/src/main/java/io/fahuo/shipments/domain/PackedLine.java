package io.fahuo.shipments.domain;

/** One line of what travels in a parcel: of which order, which SKU (or product, without a merchant code), how many. */
public record PackedLine(String orderNumber, String sku, String productName, int quantity) {
}
