package io.fahuo.printing.domain;

import io.fahuo.shipments.domain.LabelFormat;

/** A print job's labels as one file: a PDF for the browser, or the ZPL/TSPL a printer takes. */
public record PrintDocument(long jobId, LabelFormat format, byte[] bytes) {

    public String fileName() {
        return "print-job-" + jobId + "." + format.extension();
    }
}
