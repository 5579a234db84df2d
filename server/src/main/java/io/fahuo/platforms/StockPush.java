package io.fahuo.platforms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.fahuo.inventory.Stock;
import io.fahuo.inventory.domain.MovementReason;
import io.fahuo.inventory.domain.StockMovement;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.shared.ExternalCallException;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;

/**
 * Stock pushed to the shops' platform SKUs after it changes, debounced per shop and SKU: the first change
 * makes the SKU due after {@code fahuo.stock-push.debounce}, later changes until then ride along, so a burst
 * is one call. What is pushed is the SKU's available stock over all warehouses minus the shop's safety buffer,
 * never below 0.
 *
 * <p>Absolute mode sets that number. Incremental mode sets it once (the baseline) and afterwards adds only
 * what the platform cannot know: stock takes, imports and restocked returns (movements ADJUST, IMPORT,
 * RETURN) — the platform deducts its own sales itself, so order movements are never pushed again. Each
 * incremental push carries an idempotent id that is stored before the call and reused on retry, and the
 * movements it carried are remembered, so a crash or a lost answer never adds a change twice.
 */
@Service
public class StockPush {

    private static final Logger log = LoggerFactory.getLogger(StockPush.class);

    /** Movements the platform does not see by itself. */
    static final Set<MovementReason> EXTERNAL = Set.of(MovementReason.ADJUST, MovementReason.IMPORT, MovementReason.RETURN);

    public record Setting(long shopId, boolean enabled, boolean incremental, int safetyBuffer) {
    }

    /**
     * Where one SKU's push stands for a shop. {@code lastPushed}: in absolute mode the number last pushed; in
     * incremental mode the baseline plus every increment pushed since (the platform's own sales are not in it).
     */
    public record SkuState(String skuCode, Integer lastPushed, Instant pushedAt, int pushCount, Instant dueAt, String lastError) {
    }

    private final JdbcClient jdbc;
    private final Shops shops;
    private final Stock stock;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Map<Platform, StockSync> syncs = new EnumMap<>(Platform.class);
    private final Duration debounce;
    private final Duration retryFirst;
    private final Duration retryMax;

    StockPush(JdbcClient jdbc, Shops shops, Stock stock, Ids ids, Clock clock, PlatformTransactionManager txManager,
              List<StockSync> syncs, @Value("${fahuo.stock-push.debounce:PT2S}") Duration debounce,
              @Value("${fahuo.stock-push.retry-first:PT2S}") Duration retryFirst,
              @Value("${fahuo.stock-push.retry-max:PT10M}") Duration retryMax) {
        this.retryFirst = retryFirst;
        this.retryMax = retryMax;
        this.jdbc = jdbc;
        this.shops = shops;
        this.stock = stock;
        this.ids = ids;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        syncs.forEach(s -> this.syncs.put(s.platform(), s));
        this.debounce = debounce;
    }

    // ---------------------------------------------------------------- settings

    public Setting setting(long tenantId, long shopId) {
        shops.get(tenantId, shopId);
        return jdbc.sql("select * from stock_push_setting where tenant_id = ? and shop_id = ?").params(tenantId, shopId)
                .query((rs, n) -> new Setting(shopId, rs.getBoolean("enabled"), rs.getBoolean("incremental"), rs.getInt("safety_buffer")))
                .optional().orElse(new Setting(shopId, false, false, 0));
    }

    /**
     * Changes a shop's stock push. Switching it on (or changing mode or buffer) pushes every SKU with stock once
     * more, as an absolute number: that is also the baseline of incremental mode.
     */
    public Setting configure(long tenantId, long shopId, boolean enabled, boolean incremental, int safetyBuffer) {
        Shop shop = shops.get(tenantId, shopId);
        if (safetyBuffer < 0) {
            throw new InvalidRequestException("the safety buffer cannot be negative");
        }
        if (enabled && !syncs.containsKey(shop.platform())) {
            throw new InvalidRequestException(shop.platform() + " takes no stock from Fahuo");
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            int updated = jdbc.sql("""
                    update stock_push_setting set enabled = ?, incremental = ?, safety_buffer = ?, updated_at = ?
                    where tenant_id = ? and shop_id = ?""").params(enabled, incremental, safetyBuffer, ts(now), tenantId, shopId).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into stock_push_setting (tenant_id, shop_id, enabled, incremental, safety_buffer, updated_at)
                        values (?, ?, ?, ?, ?, ?)""").params(tenantId, shopId, enabled, incremental, safetyBuffer, ts(now)).update();
            }
            // a new mode or buffer starts from a fresh absolute number
            jdbc.sql("""
                    update stock_push set last_pushed = null, baseline_at = null, pending_id = null, pending_delta = null,
                      pending_movements = null where tenant_id = ? and shop_id = ?""").params(tenantId, shopId).update();
        });
        if (enabled) {
            stock.skusWithStock(tenantId).forEach(sku -> markDue(tenantId, shopId, sku, now));
        }
        return setting(tenantId, shopId);
    }

    public List<SkuState> states(long tenantId, long shopId) {
        shops.get(tenantId, shopId);
        return jdbc.sql("select * from stock_push where tenant_id = ? and shop_id = ? order by sku_code").params(tenantId, shopId)
                .query((rs, n) -> new SkuState(rs.getString("sku_code"), intOrNull(rs, "last_pushed"), instant(rs, "pushed_at"),
                        rs.getInt("push_count"), instant(rs, "due_at"), rs.getString("last_error"))).list();
    }

    // ---------------------------------------------------------------- debounce

    /** A SKU's stock changed: every shop that takes stock gets it pushed after the debounce delay. */
    public void stockChanged(long tenantId, String skuCode) {
        List<Long> shopIds = jdbc.sql("select shop_id from stock_push_setting where tenant_id = ? and enabled = true")
                .param(tenantId).query(Long.class).list();
        Instant now = clock.instant();
        shopIds.forEach(shopId -> markDue(tenantId, shopId, skuCode, now));
    }

    private void markDue(long tenantId, long shopId, String skuCode, Instant now) {
        OffsetDateTime due = ts(now.plus(debounce));
        // a SKU already due keeps its time: the changes of a burst go out together
        if (jdbc.sql("update stock_push set due_at = coalesce(due_at, ?) where tenant_id = ? and shop_id = ? and sku_code = ?")
                .params(due, tenantId, shopId, skuCode).update() > 0) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into stock_push (tenant_id, shop_id, sku_code, due_at, push_count, failures) values (?, ?, ?, ?, 0, 0)""")
                    .params(tenantId, shopId, skuCode, due).update();
        } catch (DuplicateKeyException e) {
            jdbc.sql("update stock_push set due_at = coalesce(due_at, ?) where tenant_id = ? and shop_id = ? and sku_code = ?")
                    .params(due, tenantId, shopId, skuCode).update();
        }
    }

    // ---------------------------------------------------------------- pushing

    private record Due(long tenantId, long shopId, String skuCode, OffsetDateTime dueAt) {
    }

    /** Pushes what is due; each SKU is claimed by one node (its due time is cleared conditionally). Returns how many were pushed. */
    public int pushDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("select tenant_id, shop_id, sku_code, due_at from stock_push where due_at <= ? order by due_at limit 200")
                .param(ts(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class))).list();
        int pushed = 0;
        for (Due d : due) {
            int claimed = jdbc.sql("update stock_push set due_at = null where tenant_id = ? and shop_id = ? and sku_code = ? and due_at = ?")
                    .params(d.tenantId(), d.shopId(), d.skuCode(), d.dueAt()).update();
            if (claimed == 0) {
                continue;
            }
            try {
                if (push(d.tenantId(), d.shopId(), d.skuCode())) {
                    pushed++;
                }
            } catch (RuntimeException e) {
                failed(d, e);
            }
        }
        return pushed;
    }

    private boolean push(long t, long shopId, String sku) {
        Setting setting = setting(t, shopId);
        if (!setting.enabled()) {
            return false;
        }
        Shop shop = shops.get(t, shopId);
        StockSync sync = syncs.get(shop.platform());
        if (sync == null) {
            return false;
        }
        // taken before the stock is read: a movement racing the read is counted again rather than missed
        Instant now = clock.instant();
        int available = stock.available(t, List.of(sku)).values().stream().mapToInt(m -> m.getOrDefault(sku, 0)).sum();
        int target = Math.max(0, available - setting.safetyBuffer());
        Row row = row(t, shopId, sku);
        if (!setting.incremental() || row.lastPushed() == null) {
            if (row.lastPushed() != null && row.lastPushed() == target && !setting.incremental()) {
                return false;
            }
            sync.push(shops.credentials(t, shopId), sku, false, null, target);
            jdbc.sql("""
                    update stock_push set last_pushed = ?, baseline_at = ?, pushed_at = ?, push_count = push_count + 1, failures = 0,
                      last_error = null where tenant_id = ? and shop_id = ? and sku_code = ?""")
                    .params(target, ts(now), ts(now), t, shopId, sku).update();
            return true;
        }
        String id = row.pendingId();
        int delta;
        if (id == null) {
            List<StockMovement> fresh = unpushedMovements(t, shopId, sku, row.baselineAt());
            delta = fresh.stream().mapToInt(StockMovement::deltaOnHand).sum();
            if (fresh.isEmpty()) {
                return false;
            }
            String movementIds = String.join(",", fresh.stream().map(m -> Long.toString(m.id())).toList());
            if (movementIds.length() > 4000) {
                throw new IllegalStateException("too many unpushed stock movements for " + sku + "; switch the shop to absolute mode");
            }
            id = "FH" + shopId + "-" + ids.next();
            // stored before the call: a retry sends the very same id, which the platform applies once
            jdbc.sql("update stock_push set pending_id = ?, pending_delta = ?, pending_movements = ? where tenant_id = ? and shop_id = ? and sku_code = ?")
                    .params(id, delta, movementIds, t, shopId, sku).update();
        } else {
            delta = row.pendingDelta();
        }
        if (delta != 0) {
            sync.push(shops.credentials(t, shopId), sku, true, id, delta);
        }
        String carried = row.pendingId() != null ? row.pendingMovements() : jdbc.sql("""
                select pending_movements from stock_push where tenant_id = ? and shop_id = ? and sku_code = ?""")
                .params(t, shopId, sku).query(String.class).single();
        int d = delta;
        tx.executeWithoutResult(s -> {
            for (String m : carried.split(",")) {
                jdbc.sql("insert into stock_push_movement (tenant_id, shop_id, movement_id) values (?, ?, ?)")
                        .params(t, shopId, Long.parseLong(m)).update();
            }
            jdbc.sql("""
                    update stock_push set last_pushed = last_pushed + ?, pending_id = null, pending_delta = null, pending_movements = null,
                      pushed_at = ?, push_count = push_count + ?, failures = 0, last_error = null
                    where tenant_id = ? and shop_id = ? and sku_code = ?""")
                    .params(d, ts(now), d != 0 ? 1 : 0, t, shopId, sku).update();
        });
        return d != 0;
    }

    private List<StockMovement> unpushedMovements(long t, long shopId, String sku, Instant since) {
        List<StockMovement> all = stock.movements(t, sku, EXTERNAL, since);
        if (all.isEmpty()) {
            return all;
        }
        Set<Long> done = new java.util.HashSet<>(jdbc.sql("""
                select movement_id from stock_push_movement where tenant_id = :t and shop_id = :s and movement_id in (:ids)""")
                .param("t", t).param("s", shopId).param("ids", all.stream().map(StockMovement::id).toList()).query(Long.class).list());
        List<StockMovement> out = new ArrayList<>();
        all.stream().filter(m -> !done.contains(m.id())).forEach(out::add);
        return out;
    }

    private void failed(Due d, RuntimeException e) {
        boolean retryable = !(e instanceof ExternalCallException x) || x.retryable();
        int failures = jdbc.sql("select failures from stock_push where tenant_id = ? and shop_id = ? and sku_code = ?")
                .params(d.tenantId(), d.shopId(), d.skuCode()).query(Integer.class).single() + 1;
        Duration backoff = retryFirst.multipliedBy(1L << Math.min(failures - 1, 10));
        if (backoff.compareTo(retryMax) > 0) {
            backoff = retryMax;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // a refusal waits for the next change of the SKU; a passing failure is tried again later
        jdbc.sql("""
                update stock_push set failures = ?, last_error = ?, due_at = case when ? then coalesce(due_at, ?) else due_at end
                where tenant_id = ? and shop_id = ? and sku_code = ?""")
                .params(failures, message.length() > 500 ? message.substring(0, 500) : message, retryable,
                        ts(clock.instant().plus(backoff)), d.tenantId(), d.shopId(), d.skuCode()).update();
        log.info("stock push of {} to shop {} failed ({}): {}", d.skuCode(), d.shopId(), retryable ? "will retry" : "refused", message);
    }

    private record Row(Integer lastPushed, Instant baselineAt, String pendingId, Integer pendingDelta, String pendingMovements) {
    }

    private Row row(long t, long shopId, String sku) {
        return jdbc.sql("select * from stock_push where tenant_id = ? and shop_id = ? and sku_code = ?").params(t, shopId, sku)
                .query((rs, n) -> new Row(intOrNull(rs, "last_pushed"), instant(rs, "baseline_at"), rs.getString("pending_id"),
                        intOrNull(rs, "pending_delta"), rs.getString("pending_movements"))).single();
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

}
