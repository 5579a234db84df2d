package io.fahuo.shipments.domain;

public enum ShipmentStatus {
    /** Packed for, no waybill yet. */
    OPEN,
    WAYBILL_ISSUED,
    SHIPPED,
    CANCELLED
}
