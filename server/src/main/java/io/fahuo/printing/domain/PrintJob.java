package io.fahuo.printing.domain;

import java.time.Instant;
import java.util.List;

import io.fahuo.shipments.domain.LabelSpec;

/**
 * Up to {@link #MAX_LABELS} labels printed together: one merged document for the browser, or one write to
 * a raw printer ({@code printerId}). A job that reprints labels carries the reason it was given.
 */
public record PrintJob(long id, long tenantId, LabelSpec spec, Long printerId, PrintJobStatus status, String reprintReason,
                       List<PrintedLabel> labels, int attempts, String lastError, String requestedBy, Instant createdAt,
                       Instant sentAt) {

    /** Labels per job: what a browser print dialog and a printer's buffer handle in one go. */
    public static final int MAX_LABELS = 50;

    public PrintJob {
        labels = List.copyOf(labels);
    }

    public int reprints() {
        return (int) labels.stream().filter(PrintedLabel::reprint).count();
    }
}
