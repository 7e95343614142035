package org.doorstep.report;

import java.util.Collection;
import java.util.List;

/**
 * Figures of one measure over many cases. Percentiles are nearest-rank: the p-th percentile is the
 * smallest value with at least p% of the values at or below it, so every figure shown is one that really
 * happened (a leader can find the case) and "80% within 10 s" reads straight off the 80th percentile.
 */
record Distribution(List<Double> sorted) {

    static Distribution of(Collection<? extends Number> values) {
        return new Distribution(values.stream().map(Number::doubleValue).sorted().toList());
    }

    int count() {
        return sorted.size();
    }

    /** Null when nothing was measured: the page then says so rather than showing a zero. */
    Double percentile(double percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    Double median() {
        return percentile(50);
    }

    Double worst() {
        return sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
    }

    /** The share of values at or below {@code limit}, in percent; null when nothing was measured. */
    Double percentWithin(double limit) {
        if (sorted.isEmpty()) {
            return null;
        }
        return 100.0 * sorted.stream().filter(value -> value <= limit).count() / sorted.size();
    }
}
