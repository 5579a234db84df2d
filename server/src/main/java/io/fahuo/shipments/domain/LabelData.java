package io.fahuo.shipments.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything printed on a shipping label, already masked (privacy waybill): one model for every size and
 * printer language.
 */
public record LabelData(String trackingNumber, String carrierName, String markDestination, String sortingCode,
                        String packageCenter, String receiverName, String receiverPhone, String receiverAddress,
                        String senderName, String senderPhone, String senderAddress, List<String> contents,
                        String orderNumber, Instant printedAt, String qrContent) {

    public LabelData {
        contents = List.copyOf(contents);
    }
}
