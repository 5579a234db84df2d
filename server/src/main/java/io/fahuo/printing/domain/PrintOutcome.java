package io.fahuo.printing.domain;

import java.util.List;
import java.util.Optional;

import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;

/** The jobs a print request became, and the shipments it left out with the reason for each. */
public record PrintOutcome(List<PrintJob> jobs, List<Skipped> skipped) {

    public record Skipped(long shipmentId, String reason) {

        /**
         * Why a shipment (null: not found in the tenant) has no label to print, or empty when it has one: a
         * waybill that was not cancelled.
         */
        public static Optional<Skipped> unlessLabelled(long shipmentId, Shipment shipment) {
            if (shipment == null) {
                return Optional.of(new Skipped(shipmentId, "no shipment " + shipmentId));
            }
            if (!shipment.hasWaybill()) {
                return Optional.of(new Skipped(shipmentId, "no waybill yet, so no label"));
            }
            if (shipment.status() == ShipmentStatus.CANCELLED) {
                return Optional.of(new Skipped(shipmentId, "cancelled: waybill " + shipment.trackingNumber() + " is void"));
            }
            return Optional.empty();
        }
    }

    public PrintOutcome {
        jobs = List.copyOf(jobs);
        skipped = List.copyOf(skipped);
    }
}
