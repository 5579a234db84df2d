package io.fahuo.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.inventory.domain.CsvTable;
import io.fahuo.inventory.domain.MovementReason;
import io.fahuo.inventory.domain.Warehouse;
import io.fahuo.shared.InvalidRequestException;

/**
 * SKUs and stock as CSV. An import is checked row by row first; if any row is wrong nothing is applied and
 * every wrong row is reported; otherwise all rows are applied in one transaction.
 */
@Service
public class StockCsv {

    public static final List<String> COLUMNS = List.of("sku_code", "name", "weight_grams", "low_stock_threshold",
            "warehouse_code", "on_hand", "reserved", "available");

    public record RowError(int row, String message) {
    }

    public record Imported(int rows, int skusCreated) {
    }

    private record Row(int number, String sku, String name, Integer weight, Integer threshold, long warehouseId, int onHand) {
    }

    private final JdbcClient jdbc;
    private final Skus skus;
    private final Stock stock;
    private final Warehouses warehouses;

    StockCsv(JdbcClient jdbc, Skus skus, Stock stock, Warehouses warehouses) {
        this.jdbc = jdbc;
        this.skus = skus;
        this.stock = stock;
        this.warehouses = warehouses;
    }

    public String export(long tenantId) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        jdbc.sql("""
                select s.code, s.name, s.weight_grams, s.low_stock_threshold, w.code, l.on_hand, l.reserved
                from sku s join stock_level l on l.tenant_id = s.tenant_id and l.sku_code = s.code
                join warehouse w on w.id = l.warehouse_id
                where s.tenant_id = ? order by s.code, w.code""")
                .param(tenantId)
                .query(rs -> {
                    int onHand = rs.getInt(6);
                    int reserved = rs.getInt(7);
                    Object threshold = rs.getObject(4);
                    rows.add(List.of(rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3)),
                            threshold == null ? "" : threshold.toString(), rs.getString(5), Integer.toString(onHand),
                            Integer.toString(reserved), Integer.toString(onHand - reserved)));
                });
        return CsvTable.write(rows);
    }

    @Transactional
    public Imported importCsv(long tenantId, String csv) {
        List<List<String>> table;
        try {
            table = CsvTable.parse(csv == null ? "" : csv);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the file is not valid CSV: " + e.getMessage());
        }
        if (table.isEmpty()) {
            throw new InvalidRequestException("the file is empty; expected a header row " + String.join(",", COLUMNS.subList(0, 6)));
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> header = table.get(0);
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("sku_code", "warehouse_code", "on_hand")) {
            if (!col.containsKey(required)) {
                throw new InvalidRequestException("the header row lacks column " + required);
            }
        }
        Map<String, Warehouse> byCode = new HashMap<>();
        warehouses.list(tenantId).forEach(w -> byCode.put(w.code(), w));
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            int number = r + 1;
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            String sku = cell(cells, col, "sku_code");
            String name = cell(cells, col, "name");
            String warehouseCode = cell(cells, col, "warehouse_code");
            List<String> problems = new ArrayList<>();
            if (sku.isEmpty()) {
                problems.add("sku_code is empty");
            } else if (sku.length() > 64) {
                problems.add("sku_code is longer than 64 characters");
            }
            Warehouse w = byCode.get(warehouseCode);
            if (w == null) {
                problems.add("unknown warehouse_code '" + warehouseCode + "'");
            }
            Integer onHand = number(cells, col, "on_hand", problems, true);
            Integer weight = number(cells, col, "weight_grams", problems, false);
            Integer threshold = number(cells, col, "low_stock_threshold", problems, false);
            boolean exists = !sku.isEmpty() && skus.unknown(tenantId, List.of(sku)).isEmpty();
            if (!sku.isEmpty() && !exists && (name.isEmpty() || weight == null)) {
                problems.add("new SKU " + sku + " needs a name and weight_grams");
            }
            if (!seen.add(sku + "@" + warehouseCode)) {
                problems.add("SKU " + sku + " appears twice for warehouse " + warehouseCode);
            }
            if (w != null && onHand != null && !sku.isEmpty()) {
                int reserved = jdbc.sql("select coalesce(max(reserved), 0) from stock_level where tenant_id = ? and warehouse_id = ? and sku_code = ?")
                        .params(tenantId, w.id(), sku).query(Integer.class).single();
                if (onHand < reserved) {
                    problems.add("on_hand " + onHand + " is below the " + reserved + " units reserved for orders");
                }
            }
            if (problems.isEmpty()) {
                rows.add(new Row(number, sku, name, weight, threshold, w.id(), onHand));
            } else {
                errors.add(new RowError(number, String.join("; ", problems)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " of " + (table.size() - 1) + " rows are wrong; nothing was imported",
                    Map.of("errors", errors));
        }
        int created = 0;
        for (Row row : rows) {
            if (skus.unknown(tenantId, List.of(row.sku())).contains(row.sku())) {
                skus.create(tenantId, row.sku(), row.name(), row.weight());
                created++;
            } else {
                jdbc.sql("update sku set name = coalesce(?, name), weight_grams = coalesce(?, weight_grams) where tenant_id = ? and code = ?")
                        .params(row.name().isEmpty() ? null : row.name(), row.weight(), tenantId, row.sku()).update();
            }
            if (row.threshold() != null) {
                skus.setLowStockThreshold(tenantId, row.sku(), row.threshold());
            }
            stock.setOnHand(tenantId, row.warehouseId(), row.sku(), row.onHand(), MovementReason.IMPORT, "CSV import row " + row.number());
        }
        return new Imported(rows.size(), created);
    }

    private static String cell(List<String> cells, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    private static Integer number(List<String> cells, Map<String, Integer> col, String name, List<String> problems, boolean required) {
        String v = cell(cells, col, name);
        if (v.isEmpty()) {
            if (required) {
                problems.add(name + " is empty");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                problems.add(name + " must not be negative");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(name + " '" + v + "' is not a whole number");
            return null;
        }
    }
}
