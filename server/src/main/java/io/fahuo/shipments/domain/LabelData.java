package io.fahuo.shipments.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything printed on a shipping label, already masked (privacy waybill): one model for every size and
 * printer language.
 */
public record LabelData(String trackingNumber, String carrierName, String markDestination, String sortingCode,
                        String packageCenter, String receiverName, String receiverPhone, String receiverAddress,
                        String senderName, String senderPhone, String senderAddress, List<Item> contents,
                        String orderNumber, Instant printedAt, String qrContent) {

    /** One line of the parcel's contents: the merchant's SKU code (or the product name) and a quantity. */
    public record Item(String sku, int quantity) {
    }

    public LabelData {
        contents = List.copyOf(contents);
    }

    public int totalQuantity() {
        return contents.stream().mapToInt(Item::quantity).sum();
    }
}
