package io.fahuo.inventory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;

/** The merchant's own SKUs, identified by the merchant code the platforms carry on each sub-order. */
@Service
public class Skus {

    public record Sku(String code, String name, int weightGrams) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    Skus(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void create(long tenantId, String code, String name, int weightGrams) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestException("a SKU needs a code");
        }
        if (weightGrams < 0) {
            throw new InvalidRequestException("weight must not be negative");
        }
        try {
            jdbc.sql("insert into sku (id, tenant_id, code, name, weight_grams, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(ids.next(), tenantId, code, name, weightGrams, clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("SKU '" + code + "' already exists");
        }
    }

    /** The codes among {@code codes} this tenant does not know (null counts as unknown). */
    public Set<String> unknown(long tenantId, Collection<String> codes) {
        Set<String> wanted = new TreeSet<>();
        boolean hasNull = false;
        for (String c : codes) {
            if (c == null || c.isBlank()) {
                hasNull = true;
            } else {
                wanted.add(c);
            }
        }
        Set<String> unknown = new TreeSet<>(wanted);
        if (!wanted.isEmpty()) {
            List<String> known = jdbc.sql("""
                    select code from sku where tenant_id = :t and code in (:codes)
                    union select bundle_code from sku_bundle where tenant_id = :t and bundle_code in (:codes)""")
                    .param("t", tenantId).param("codes", wanted).query(String.class).list();
            known.forEach(unknown::remove);
        }
        if (hasNull) {
            Set<String> withBlank = new HashSet<>(unknown);
            withBlank.add("(no merchant code)");
            return new TreeSet<>(withBlank);
        }
        return unknown;
    }

    public List<Sku> list(long tenantId) {
        return jdbc.sql("select code, name, weight_grams from sku where tenant_id = ? order by code").param(tenantId)
                .query((rs, n) -> new Sku(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }


    /** Tags a SKU for carrier rules (e.g. "fragile", "liquid", "bulky"). */
    @Transactional
    public void setTags(long tenantId, String code, java.util.Collection<String> tags) {
        String joined = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(","));
        if (jdbc.sql("update sku set tags = ? where tenant_id = ? and code = ?").params(joined.isEmpty() ? null : joined, tenantId, code).update() == 0) {
            throw new io.fahuo.shared.NotFoundException("no SKU " + code);
        }
    }

    public Set<String> tags(long tenantId, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Set<String> tags = new TreeSet<>();
        jdbc.sql("select tags from sku where tenant_id = :t and code in (:codes) and tags is not null")
                .param("t", tenantId).param("codes", codes).query(String.class).list()
                .forEach(t -> tags.addAll(List.of(t.split(","))));
        return tags;
    }

    /** A combo/bundle the platform sells under one merchant code, shipped as its components. */
    @Transactional
    public void defineBundle(long tenantId, String bundleCode, java.util.Map<String, Integer> components) {
        if (bundleCode == null || bundleCode.isBlank() || components == null || components.isEmpty()) {
            throw new InvalidRequestException("a bundle needs a code and at least one component");
        }
        Set<String> unknown = unknown(tenantId, components.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("unknown component SKUs: " + unknown);
        }
        if (components.values().stream().anyMatch(q -> q == null || q <= 0)) {
            throw new InvalidRequestException("component quantities must be positive");
        }
        jdbc.sql("delete from sku_bundle where tenant_id = ? and bundle_code = ?").params(tenantId, bundleCode).update();
        components.forEach((code, qty) -> jdbc.sql("insert into sku_bundle (tenant_id, bundle_code, component_code, quantity) values (?, ?, ?, ?)")
                .params(tenantId, bundleCode, code, qty).update());
    }

    /** Replaces bundle codes by their components; plain SKUs pass through. Quantities are summed per SKU. */
    public java.util.Map<String, Integer> expand(long tenantId, Collection<io.fahuo.inventory.domain.StockLine> lines) {
        java.util.Map<String, Integer> demand = new java.util.TreeMap<>();
        for (var line : lines) {
            List<Object[]> parts = jdbc.sql("select component_code, quantity from sku_bundle where tenant_id = ? and bundle_code = ?")
                    .params(tenantId, line.skuCode()).query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}).list();
            if (parts.isEmpty()) {
                demand.merge(line.skuCode(), line.quantity(), Integer::sum);
            } else {
                for (Object[] part : parts) {
                    demand.merge((String) part[0], (Integer) part[1] * line.quantity(), Integer::sum);
                }
            }
        }
        return demand;
    }

    /** Lower priority ships first; SKUs without priorities may ship from any warehouse. */
    @Transactional
    public void setWarehousePriority(long tenantId, String code, long warehouseId, int priority) {
        if (unknown(tenantId, List.of(code)).contains(code)) {
            throw new io.fahuo.shared.NotFoundException("no SKU " + code);
        }
        if (jdbc.sql("select count(*) from warehouse where tenant_id = ? and id = ?").params(tenantId, warehouseId).query(Integer.class).single() == 0) {
            throw new io.fahuo.shared.NotFoundException("no warehouse " + warehouseId);
        }
        jdbc.sql("delete from sku_warehouse_priority where tenant_id = ? and sku_code = ? and warehouse_id = ?")
                .params(tenantId, code, warehouseId).update();
        jdbc.sql("insert into sku_warehouse_priority (tenant_id, sku_code, warehouse_id, priority) values (?, ?, ?, ?)")
                .params(tenantId, code, warehouseId, priority).update();
    }

    public java.util.Map<String, java.util.Map<Long, Integer>> warehousePriorities(long tenantId, Collection<String> codes) {
        java.util.Map<String, java.util.Map<Long, Integer>> out = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        jdbc.sql("select sku_code, warehouse_id, priority from sku_warehouse_priority where tenant_id = :t and sku_code in (:codes)")
                .param("t", tenantId).param("codes", codes)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                });
        return out;
    }

    public int weightGrams(long tenantId, java.util.Map<String, Integer> demand) {
        int total = 0;
        for (var e : demand.entrySet()) {
            Integer w = jdbc.sql("select weight_grams from sku where tenant_id = ? and code = ?")
                    .params(tenantId, e.getKey()).query(Integer.class).optional().orElse(0);
            total += w * e.getValue();
        }
        return total;
    }

    @Transactional
    public void setLowStockThreshold(long tenantId, String code, Integer threshold) {
        if (threshold != null && threshold < 0) {
            throw new InvalidRequestException("a low-stock threshold cannot be negative");
        }
        if (jdbc.sql("update sku set low_stock_threshold = ? where tenant_id = ? and code = ?").params(threshold, tenantId, code).update() == 0) {
            throw new io.fahuo.shared.NotFoundException("no SKU " + code);
        }
    }

    /** A SKU whose units free to sell, over all warehouses, fell below its threshold. */
    public record LowStock(String code, String name, int available, int threshold) {
    }

    public List<LowStock> lowStock(long tenantId) {
        return jdbc.sql("""
                select s.code, s.name, coalesce(sum(l.on_hand - l.reserved), 0) as available, s.low_stock_threshold
                from sku s left join stock_level l on l.tenant_id = s.tenant_id and l.sku_code = s.code
                where s.tenant_id = ? and s.low_stock_threshold is not null
                group by s.code, s.name, s.low_stock_threshold
                having coalesce(sum(l.on_hand - l.reserved), 0) < s.low_stock_threshold
                order by s.code""")
                .param(tenantId)
                .query((rs, n) -> new LowStock(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }
}
