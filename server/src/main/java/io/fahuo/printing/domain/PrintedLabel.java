package io.fahuo.printing.domain;

/**
 * One label of a print job. {@code printNo} counts the times this label (shipment and tracking number) was
 * put into a job; {@code reprint} says it had already been printed when this job was made.
 */
public record PrintedLabel(long shipmentId, String trackingNumber, int printNo, boolean reprint) {
}
