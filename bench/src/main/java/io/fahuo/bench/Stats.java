package io.fahuo.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of samples (nearest rank). */
final class Stats {

    private final double[] sorted;

    Stats(Collection<? extends Number> samples) {
        sorted = samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }

    Stats(double[] samples) {
        sorted = samples.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
