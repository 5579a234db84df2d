package io.fahuo.printing.domain;

/** Where a print job stands. */
public enum PrintJobStatus {
    /** Waiting to go out: to its printer (a durable job is scheduled) or to the browser that fetches its document. */
    QUEUED,
    /** Written to the printer, or its document delivered to the browser. */
    SENT,
    /** The printer could not be reached within the attempts; the labels count as not printed. */
    FAILED;

    /** Whether the job's labels count as printed (or about to be): a batch does not print them again. */
    public boolean holdsLabels() {
        return this != FAILED;
    }
}
