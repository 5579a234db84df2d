package io.fahuo.fulfilment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses where an order ships from (一品多仓): per-SKU warehouse priority first, then the warehouse
 * nearest to the receiver by province, then the shop's default. One warehouse that has everything wins;
 * otherwise, when the merchant allows it, the order is split across warehouses, each order line (a bundle
 * stays whole) from the best warehouse that has it.
 */
public final class WarehouseRouting {

    public record Candidate(long warehouseId, String code, String province) {
    }

    /** An order line and the SKU units it needs (a bundle line needs its components). */
    public record Line(String lineId, Map<String, Integer> demand) {
    }

    public record Input(List<Line> lines, String receiverProvince, List<Candidate> warehouses,
                        Map<Long, Map<String, Integer>> available, Map<String, Map<Long, Integer>> skuPriority,
                        Long defaultWarehouseId, boolean allowSplit) {
    }

    public record Parcel(long warehouseId, List<String> lineIds, Map<String, Integer> demand) {
    }

    /** Either parcels to reserve, or the SKUs no allowed plan can supply. */
    public record Plan(List<Parcel> parcels, List<String> shortSkus, String explanation) {
        public boolean feasible() {
            return !parcels.isEmpty();
        }
    }

    private WarehouseRouting() {
    }

    public static Plan route(Input in) {
        Map<String, Integer> total = sum(in.lines());
        if (in.warehouses().isEmpty()) {
            return new Plan(List.of(), List.copyOf(total.keySet()), "no warehouse to ship from");
        }
        List<Candidate> ranked = new ArrayList<>(in.warehouses());
        ranked.sort(Comparator.<Candidate>comparingInt(w -> priorityRank(in, total, w.warehouseId()))
                .thenComparingInt(w -> Regions.distance(w.province(), in.receiverProvince()))
                .thenComparingInt(w -> isDefault(in, w) ? 0 : 1)
                .thenComparingLong(Candidate::warehouseId));
        for (Candidate w : ranked) {
            if (covers(in, w.warehouseId(), total)) {
                List<String> ids = in.lines().stream().map(Line::lineId).toList();
                return new Plan(List.of(new Parcel(w.warehouseId(), ids, total)), List.of(), "ships from " + w.code() + why(in, total, w));
            }
        }
        if (!in.allowSplit() || in.lines().size() < 2) {
            return new Plan(List.of(), shortIn(in, total, ranked.get(0).warehouseId()),
                    "no single warehouse has all of it" + (in.allowSplit() ? "" : " (splitting across warehouses is off)"));
        }
        Map<Long, Map<String, Integer>> left = new TreeMap<>();
        in.available().forEach((w, stock) -> left.put(w, new TreeMap<>(stock)));
        Map<Long, List<Line>> assigned = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (Line line : in.lines()) {
            Candidate from = ranked.stream().filter(w -> fits(left.getOrDefault(w.warehouseId(), Map.of()), line.demand()))
                    .findFirst().orElse(null);
            if (from == null) {
                unavailable.addAll(line.demand().keySet());
                continue;
            }
            line.demand().forEach((sku, qty) -> left.get(from.warehouseId()).merge(sku, -qty, Integer::sum));
            assigned.computeIfAbsent(from.warehouseId(), k -> new ArrayList<>()).add(line);
        }
        if (!unavailable.isEmpty()) {
            return new Plan(List.of(), unavailable.stream().distinct().sorted().toList(),
                    "no warehouse has " + String.join(", ", unavailable.stream().distinct().sorted().toList()));
        }
        List<Parcel> parcels = assigned.entrySet().stream()
                .map(e -> new Parcel(e.getKey(), e.getValue().stream().map(Line::lineId).toList(), sum(e.getValue()))).toList();
        String codes = parcels.stream().map(p -> codeOf(in, p.warehouseId())).reduce((a, b) -> a + " + " + b).orElse("");
        return new Plan(parcels, List.of(), "split across " + codes + ": no single warehouse has everything");
    }

    private static Map<String, Integer> sum(List<Line> lines) {
        Map<String, Integer> total = new TreeMap<>();
        lines.forEach(l -> l.demand().forEach((sku, qty) -> total.merge(sku, qty, Integer::sum)));
        return total;
    }

    private static boolean covers(Input in, long warehouseId, Map<String, Integer> demand) {
        return fits(in.available().getOrDefault(warehouseId, Map.of()), demand);
    }

    private static boolean fits(Map<String, Integer> stock, Map<String, Integer> demand) {
        return demand.entrySet().stream().allMatch(d -> stock.getOrDefault(d.getKey(), 0) >= d.getValue());
    }

    private static List<String> shortIn(Input in, Map<String, Integer> demand, long warehouseId) {
        Map<String, Integer> stock = in.available().getOrDefault(warehouseId, Map.of());
        return demand.entrySet().stream().filter(d -> stock.getOrDefault(d.getKey(), 0) < d.getValue())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Lower is better: the sum of the merchant's priorities for this warehouse over the order's SKUs. */
    private static int priorityRank(Input in, Map<String, Integer> demand, long warehouseId) {
        int rank = 0;
        for (String sku : demand.keySet()) {
            Map<Long, Integer> priorities = in.skuPriority().getOrDefault(sku, Map.of());
            rank += priorities.isEmpty() ? 0 : priorities.getOrDefault(warehouseId, 1000);
        }
        return rank;
    }

    private static boolean isDefault(Input in, Candidate w) {
        return in.defaultWarehouseId() != null && in.defaultWarehouseId() == w.warehouseId();
    }

    private static String codeOf(Input in, long warehouseId) {
        return in.warehouses().stream().filter(w -> w.warehouseId() == warehouseId).map(Candidate::code).findFirst().orElse("?");
    }

    private static String why(Input in, Map<String, Integer> demand, Candidate w) {
        boolean prioritised = demand.keySet().stream().anyMatch(s -> in.skuPriority().getOrDefault(s, Map.of()).containsKey(w.warehouseId()));
        if (prioritised) {
            return " (SKU warehouse priority)";
        }
        return switch (Regions.distance(w.province(), in.receiverProvince())) {
            case 0 -> " (same province as the receiver)";
            case 1 -> " (same region as the receiver)";
            default -> isDefault(in, w) ? " (shop default warehouse)" : "";
        };
    }
}
