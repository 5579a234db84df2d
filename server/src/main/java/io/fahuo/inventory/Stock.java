package io.fahuo.inventory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.fahuo.inventory.domain.MovementReason;
import io.fahuo.inventory.domain.ReservationOutcome;
import io.fahuo.inventory.domain.StockLevel;
import io.fahuo.inventory.domain.StockLine;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;

/**
 * The stock ledger. Reservation is a conditional update ({@code on_hand - reserved >= qty}) under the row
 * lock, so two nodes reserving the last unit cannot both win; a check constraint backs it up.
 * Every change writes a movement with its reason.
 */
@Service
public class Stock {

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    Stock(JdbcClient jdbc, Ids ids, Clock clock, ApplicationEventPublisher events, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Reserves all lines of an order in one warehouse, or nothing. Calling it again for an order that holds
     * a reservation is a no-op that reports success.
     */
    public ReservationOutcome reserve(long tenantId, long orderId, long warehouseId, Collection<StockLine> lines) {
        return reserve(tenantId, orderId, java.util.Map.of(warehouseId, StockLine.consolidate(lines)));
    }

    /**
     * Reserves an order's parcels in their warehouses (SKU → units per warehouse), all or nothing.
     * Warehouses and SKUs are locked in a fixed order so that concurrent reservations cannot deadlock.
     */
    public ReservationOutcome reserve(long tenantId, long orderId, java.util.Map<Long, List<StockLine>> byWarehouse) {
        java.util.SortedMap<Long, List<StockLine>> plan = new java.util.TreeMap<>();
        byWarehouse.forEach((w, lines) -> plan.put(w, StockLine.consolidate(lines)));
        try {
            return tx.execute(status -> {
                if (holdsReservation(tenantId, orderId)) {
                    return ReservationOutcome.ok();
                }
                // a reservation given back earlier (re-routing, merging) makes room for the new one
                jdbc.sql("delete from stock_reservation where tenant_id = ? and order_id = ? and state = 'RELEASED'")
                        .params(tenantId, orderId).update();
                OffsetDateTime now = now();
                List<String> shortSkus = new ArrayList<>();
                plan.forEach((warehouseId, lines) -> {
                    for (StockLine line : lines) {
                        int updated = jdbc.sql("""
                                update stock_level set reserved = reserved + ?, updated_at = ?
                                where tenant_id = ? and warehouse_id = ? and sku_code = ? and on_hand - reserved >= ?""")
                                .params(line.quantity(), now, tenantId, warehouseId, line.skuCode(), line.quantity())
                                .update();
                        if (updated == 0) {
                            shortSkus.add(line.skuCode());
                        }
                    }
                });
                if (!shortSkus.isEmpty()) {
                    status.setRollbackOnly();
                    return ReservationOutcome.shortOf(shortSkus);
                }
                plan.forEach((warehouseId, lines) -> {
                    for (StockLine line : lines) {
                        jdbc.sql("""
                                insert into stock_reservation (tenant_id, order_id, warehouse_id, sku_code, quantity, state, updated_at)
                                values (?, ?, ?, ?, ?, 'RESERVED', ?)""")
                                .params(tenantId, orderId, warehouseId, line.skuCode(), line.quantity(), now).update();
                        movement(tenantId, warehouseId, line.skuCode(), 0, line.quantity(), MovementReason.ORDER_RESERVE, orderId, null);
                        events.publishEvent(new StockChanged(tenantId, line.skuCode()));
                    }
                });
                return ReservationOutcome.ok();
            });
        } catch (DuplicateKeyException raced) {
            // another worker reserved this order at the same moment and committed first
            return ReservationOutcome.ok();
        }
    }

    public boolean holdsReservation(long tenantId, long orderId) {
        return jdbc.sql("select count(*) from stock_reservation where tenant_id = ? and order_id = ? and state = 'RESERVED'")
                .params(tenantId, orderId).query(Integer.class).single() > 0;
    }

    /** Gives back what an order reserved (cancellation). Idempotent. */
    @Transactional
    public void release(long tenantId, long orderId) {
        settle(tenantId, orderId, "RELEASED", false, MovementReason.RELEASE);
    }

    /**
     * Takes the reserved units out of stock when the order ships. Joins the caller's transaction so that
     * "shipped" and "deducted" commit together. Idempotent.
     */
    @Transactional
    public void deductShipped(long tenantId, long orderId) {
        settle(tenantId, orderId, "DEDUCTED", true, MovementReason.SHIP);
    }

    private void settle(long tenantId, long orderId, String newState, boolean leavesStock, MovementReason reason) {
        record Held(long warehouseId, String sku, int qty) {
        }
        List<Held> held = jdbc.sql("""
                select warehouse_id, sku_code, quantity from stock_reservation
                where tenant_id = ? and order_id = ? and state = 'RESERVED' order by sku_code for update""")
                .params(tenantId, orderId)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        OffsetDateTime now = now();
        for (Held h : held) {
            int onHandDelta = leavesStock ? -h.qty() : 0;
            jdbc.sql("""
                    update stock_level set on_hand = on_hand + ?, reserved = reserved - ?, updated_at = ?
                    where tenant_id = ? and warehouse_id = ? and sku_code = ?""")
                    .params(onHandDelta, h.qty(), now, tenantId, h.warehouseId(), h.sku()).update();
            jdbc.sql("""
                    update stock_reservation set state = ?, updated_at = ?
                    where tenant_id = ? and order_id = ? and warehouse_id = ? and sku_code = ?""")
                    .params(newState, now, tenantId, orderId, h.warehouseId(), h.sku()).update();
            movement(tenantId, h.warehouseId(), h.sku(), onHandDelta, -h.qty(), reason, orderId, null);
            events.publishEvent(new StockChanged(tenantId, h.sku()));
        }
    }

    /**
     * Puts the goods of a returned parcel back on hand in its warehouse. Idempotent per {@code reference}
     * (the parcel), so a repeated return event adds nothing.
     */
    @Transactional
    public boolean returnToStock(long tenantId, long warehouseId, long orderId, java.util.Map<String, Integer> units, String reference) {
        boolean done = jdbc.sql("select count(*) from stock_movement where tenant_id = ? and order_id = ? and reason = 'RETURN' and note = ?")
                .params(tenantId, orderId, reference).query(Integer.class).single() > 0;
        if (done) {
            return false;
        }
        OffsetDateTime now = now();
        units.forEach((sku, qty) -> {
            int updated = jdbc.sql("update stock_level set on_hand = on_hand + ?, updated_at = ? where tenant_id = ? and warehouse_id = ? and sku_code = ?")
                    .params(qty, now, tenantId, warehouseId, sku).update();
            if (updated == 0) {
                jdbc.sql("insert into stock_level (tenant_id, warehouse_id, sku_code, on_hand, reserved, updated_at) values (?, ?, ?, ?, 0, ?)")
                        .params(tenantId, warehouseId, sku, qty, now).update();
            }
            movement(tenantId, warehouseId, sku, qty, 0, MovementReason.RETURN, orderId, reference);
            events.publishEvent(new StockChanged(tenantId, sku));
        });
        return true;
    }

    /** Sets the counted on-hand quantity of a SKU in a warehouse (stock take, initial load). */
    @Transactional
    public void setOnHand(long tenantId, long warehouseId, String skuCode, int onHand, MovementReason reason, String note) {
        if (onHand < 0) {
            throw new InvalidRequestException("on-hand stock cannot be negative");
        }
        OffsetDateTime now = now();
        Integer current = jdbc.sql("select on_hand from stock_level where tenant_id = ? and warehouse_id = ? and sku_code = ? for update")
                .params(tenantId, warehouseId, skuCode).query(Integer.class).optional().orElse(null);
        if (current == null) {
            jdbc.sql("insert into stock_level (tenant_id, warehouse_id, sku_code, on_hand, reserved, updated_at) values (?, ?, ?, ?, 0, ?)")
                    .params(tenantId, warehouseId, skuCode, onHand, now).update();
            current = 0;
        } else {
            int reserved = jdbc.sql("select reserved from stock_level where tenant_id = ? and warehouse_id = ? and sku_code = ?")
                    .params(tenantId, warehouseId, skuCode).query(Integer.class).single();
            if (onHand < reserved) {
                throw new InvalidRequestException("on-hand " + onHand + " would be below the " + reserved + " units reserved for orders");
            }
            jdbc.sql("update stock_level set on_hand = ?, updated_at = ? where tenant_id = ? and warehouse_id = ? and sku_code = ?")
                    .params(onHand, now, tenantId, warehouseId, skuCode).update();
        }
        movement(tenantId, warehouseId, skuCode, onHand - current, 0, reason, null, note);
        events.publishEvent(new StockChanged(tenantId, skuCode));
    }

    /** Units free to reserve, per warehouse and SKU. */
    public java.util.Map<Long, java.util.Map<String, Integer>> available(long tenantId, Collection<String> skuCodes) {
        java.util.Map<Long, java.util.Map<String, Integer>> out = new java.util.HashMap<>();
        if (skuCodes.isEmpty()) {
            return out;
        }
        jdbc.sql("select warehouse_id, sku_code, on_hand - reserved from stock_level where tenant_id = :t and sku_code in (:codes)")
                .param("t", tenantId).param("codes", skuCodes)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return out;
    }

    /** A SKU's movements of the given reasons since {@code since} (inclusive), oldest first. */
    public List<io.fahuo.inventory.domain.StockMovement> movements(long tenantId, String skuCode,
                                                                   Collection<MovementReason> reasons, java.time.Instant since) {
        if (reasons.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, warehouse_id, sku_code, delta_on_hand, delta_reserved, reason, order_id, at from stock_movement
                where tenant_id = :t and sku_code = :sku and reason in (:reasons) and at >= :since order by at, id""")
                .param("t", tenantId).param("sku", skuCode).param("reasons", reasons.stream().map(Enum::name).toList())
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> {
                    long order = rs.getLong("order_id");
                    Long orderId = rs.wasNull() ? null : order;
                    return new io.fahuo.inventory.domain.StockMovement(rs.getLong("id"), rs.getLong("warehouse_id"), rs.getString("sku_code"),
                            rs.getInt("delta_on_hand"), rs.getInt("delta_reserved"), MovementReason.valueOf(rs.getString("reason")),
                            orderId, rs.getObject("at", OffsetDateTime.class).toInstant());
                }).list();
    }

    /** The SKUs the tenant holds stock records of (in any warehouse). */
    public List<String> skusWithStock(long tenantId) {
        return jdbc.sql("select distinct sku_code from stock_level where tenant_id = ? order by sku_code").param(tenantId)
                .query(String.class).list();
    }

    public List<StockLevel> levels(long tenantId, String skuCode) {
        return jdbc.sql("select warehouse_id, sku_code, on_hand, reserved from stock_level where tenant_id = ? and sku_code = ? order by warehouse_id")
                .params(tenantId, skuCode)
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    public List<StockLevel> levelsInWarehouse(long tenantId, long warehouseId) {
        return jdbc.sql("select warehouse_id, sku_code, on_hand, reserved from stock_level where tenant_id = ? and warehouse_id = ? order by sku_code")
                .params(tenantId, warehouseId)
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    private void movement(long tenantId, long warehouseId, String sku, int dOnHand, int dReserved, MovementReason reason,
                          Long orderId, String note) {
        jdbc.sql("""
                insert into stock_movement (id, tenant_id, warehouse_id, sku_code, delta_on_hand, delta_reserved, reason, order_id, note, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ids.next(), tenantId, warehouseId, sku, dOnHand, dReserved, reason.name(), orderId, note, now())
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
