package io.fahuo.printing.domain;

import java.util.List;

import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;

/**
 * A selection of shipments to print. Unset fields take the printer's settings when {@code printerId} is
 * given, otherwise PDF, 76×130 and 203 dpi; {@code labelsPerJob} defaults to {@link PrintJob#MAX_LABELS}.
 * Labels printed before are left out unless a {@code reprintReason} is given.
 */
public record PrintRequest(List<Long> shipmentIds, LabelFormat format, LabelSize size, Integer dpi, Long printerId,
                           String reprintReason, Integer labelsPerJob, String requestedBy) {

    /** Shipments per request: ten full jobs. A larger selection is split by the caller. */
    public static final int MAX_SHIPMENTS = 500;

    public PrintRequest {
        shipmentIds = shipmentIds == null ? List.of() : List.copyOf(shipmentIds);
    }

    /** Print these shipments as PDF for the browser, 50 labels per job. */
    public static PrintRequest pdf(List<Long> shipmentIds, LabelSize size, String requestedBy) {
        return new PrintRequest(shipmentIds, LabelFormat.PDF, size, null, null, null, null, requestedBy);
    }

    /** Print these shipments on a raw printer, in its language, size and resolution. */
    public static PrintRequest onPrinter(List<Long> shipmentIds, long printerId, String requestedBy) {
        return new PrintRequest(shipmentIds, null, null, null, printerId, null, null, requestedBy);
    }
}
