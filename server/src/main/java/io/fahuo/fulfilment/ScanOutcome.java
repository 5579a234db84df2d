package io.fahuo.fulfilment;

/** What happened to a parcel whose tracking number was scanned at the packing table. */
public record ScanOutcome(Kind kind, String trackingNumber, Long orderId, String platformOrderId, String detail) {

    public enum Kind {
        /** The platform confirmed the shipment just now. */
        SHIPPED,
        /** It had shipped before; nothing was done. */
        ALREADY_SHIPPED,
        /** No waybill Fahuo obtained from a courier has this number: refused, never written back. */
        UNKNOWN_NUMBER,
        /** The order cannot ship now (held, cancelled, waybill void); {@code detail} says why. */
        NOT_SHIPPABLE,
        /** Writing back failed; the order shows the error and can be retried. */
        FAILED;

        public boolean ok() {
            return this == SHIPPED || this == ALREADY_SHIPPED;
        }
    }
}
