package io.fahuo.printing.domain;

import java.util.ArrayList;
import java.util.List;

/** How a selection is cut into jobs: in the caller's order, full jobs first. */
public final class PrintBatches {

    private PrintBatches() {
    }

    public static <T> List<List<T>> split(List<T> items, int perJob) {
        if (perJob < 1 || perJob > PrintJob.MAX_LABELS) {
            throw new IllegalArgumentException("labels per job must be between 1 and " + PrintJob.MAX_LABELS);
        }
        List<List<T>> jobs = new ArrayList<>();
        for (int from = 0; from < items.size(); from += perJob) {
            jobs.add(List.copyOf(items.subList(from, Math.min(items.size(), from + perJob))));
        }
        return jobs;
    }
}
