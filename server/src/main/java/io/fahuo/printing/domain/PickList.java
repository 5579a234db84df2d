package io.fahuo.printing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pick list (拣货单) for a batch of parcels: per warehouse, one line per SKU with its bin and the total to
 * pick, walked in bin order (SKUs without a bin last); then each parcel with its contents, to check while packing.
 */
public record PickList(Instant generatedAt, List<Section> sections) {

    /** One parcel's share of the batch. */
    public record Parcel(long warehouseId, String trackingNumber, String orderNumber, List<Item> items) {
        public Parcel {
            items = List.copyOf(items);
        }
    }

    public record Item(String sku, String name, int quantity) {
    }

    public record Line(String bin, String sku, String name, int quantity, int parcels) {
    }

    public record Section(long warehouseId, String warehouse, List<Line> lines, List<Parcel> parcels) {
        public int totalQuantity() {
            return lines.stream().mapToInt(Line::quantity).sum();
        }
    }

    public PickList {
        sections = List.copyOf(sections);
    }

    /**
     * Groups parcels by warehouse and SKU. {@code warehouseNames} and {@code bins} (warehouse → SKU → bin)
     * come from the warehouse's records; parcels keep the order they were given in.
     */
    public static PickList of(Instant at, List<Parcel> parcels, Map<Long, String> warehouseNames, Map<Long, Map<String, String>> bins) {
        Map<Long, List<Parcel>> byWarehouse = new LinkedHashMap<>();
        parcels.forEach(p -> byWarehouse.computeIfAbsent(p.warehouseId(), k -> new ArrayList<>()).add(p));
        List<Section> sections = new ArrayList<>();
        byWarehouse.forEach((warehouseId, inWarehouse) -> {
            Map<String, String> binOf = bins.getOrDefault(warehouseId, Map.of());
            Map<String, int[]> totals = new TreeMap<>();
            Map<String, String> names = new TreeMap<>();
            for (Parcel p : inWarehouse) {
                Map<String, Boolean> seen = new TreeMap<>();
                for (Item i : p.items()) {
                    int[] t = totals.computeIfAbsent(i.sku(), k -> new int[2]);
                    t[0] += i.quantity();
                    if (seen.put(i.sku(), true) == null) {
                        t[1]++;
                    }
                    names.putIfAbsent(i.sku(), i.name());
                }
            }
            List<Line> lines = new ArrayList<>();
            totals.forEach((sku, t) -> lines.add(new Line(binOf.get(sku), sku, names.get(sku), t[0], t[1])));
            lines.sort(Comparator.comparing(Line::bin, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Line::sku));
            sections.add(new Section(warehouseId, warehouseNames.getOrDefault(warehouseId, "#" + warehouseId), lines, inWarehouse));
        });
        return new PickList(at, sections);
    }
}
