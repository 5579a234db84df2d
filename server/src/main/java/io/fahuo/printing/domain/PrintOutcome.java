package io.fahuo.printing.domain;

import java.util.List;

/** The jobs a print request became, and the shipments it left out with the reason for each. */
public record PrintOutcome(List<PrintJob> jobs, List<Skipped> skipped) {

    public record Skipped(long shipmentId, String reason) {
    }

    public PrintOutcome {
        jobs = List.copyOf(jobs);
        skipped = List.copyOf(skipped);
    }
}
