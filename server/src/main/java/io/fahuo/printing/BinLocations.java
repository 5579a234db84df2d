package io.fahuo.printing;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fahuo.inventory.Warehouses;
import io.fahuo.shared.InvalidRequestException;

/** Where each SKU lies in each warehouse (库位, e.g. {@code A-01-03}), so pick lists follow the picking path. */
@Service
public class BinLocations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Warehouses warehouses;

    BinLocations(JdbcClient jdbc, Clock clock, Warehouses warehouses) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.warehouses = warehouses;
    }

    /** Puts the SKU at this bin in this warehouse, replacing its former bin. */
    public void assign(long tenantId, long warehouseId, String skuCode, String binCode) {
        if (skuCode == null || skuCode.isBlank()) {
            throw new InvalidRequestException("a bin location needs a SKU code");
        }
        if (binCode == null || binCode.isBlank() || binCode.strip().length() > 40) {
            throw new InvalidRequestException("a bin code is 1 to 40 characters");
        }
        if (warehouses.find(tenantId, warehouseId).isEmpty()) {
            throw new InvalidRequestException("no warehouse " + warehouseId);
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        String sku = skuCode.strip();
        String bin = binCode.strip();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (jdbc.sql("update sku_bin_location set bin_code = ?, updated_at = ? where tenant_id = ? and warehouse_id = ? and sku_code = ?")
                    .params(bin, now, tenantId, warehouseId, sku).update() == 1) {
                return;
            }
            try {
                jdbc.sql("insert into sku_bin_location (tenant_id, warehouse_id, sku_code, bin_code, updated_at) values (?, ?, ?, ?, ?)")
                        .params(tenantId, warehouseId, sku, bin, now).update();
                return;
            } catch (DuplicateKeyException raced) {
                // assigned concurrently: update that row instead
            }
        }
    }

    /** The bins of these SKUs in the warehouse; SKUs without one are absent. */
    public Map<String, String> of(long tenantId, long warehouseId, Collection<String> skuCodes) {
        Map<String, String> out = new HashMap<>();
        if (!skuCodes.isEmpty()) {
            jdbc.sql("select sku_code, bin_code from sku_bin_location where tenant_id = :t and warehouse_id = :w and sku_code in (:skus)")
                    .param("t", tenantId).param("w", warehouseId).param("skus", skuCodes)
                    .query(rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                    });
        }
        return out;
    }
}
