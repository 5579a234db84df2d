package io.fahuo.inventory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A quantity of one SKU. */
public record StockLine(String skuCode, int quantity) {

    public StockLine {
        if (skuCode == null || skuCode.isBlank()) {
            throw new IllegalArgumentException("SKU code is required");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }

    /**
     * Sums quantities per SKU and orders the result by SKU code, so that concurrent reservations lock
     * stock rows in the same order and cannot deadlock.
     */
    public static List<StockLine> consolidate(Collection<StockLine> lines) {
        Map<String, Integer> bySku = new TreeMap<>();
        for (StockLine line : lines) {
            bySku.merge(line.skuCode(), line.quantity(), Integer::sum);
        }
        return bySku.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
    }
}
