package io.fahuo.shipments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.Ids;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.shipments.domain.WaybillSource;

/** The parcels of orders and their waybills. Each change is conditional, so a retry never doubles anything. */
@Service
public class Shipments {

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Shipments(JdbcClient jdbc, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** Which order lines (and how many units of each) go into one parcel, and from where. */
    public record ParcelPlan(long warehouseId, Map<Long, Integer> lines) {
    }

    /**
     * The order's parcels, opened on the first call as planned; later calls return the parcels that exist
     * (a plan is never applied twice, even by two workers at once).
     */
    @Transactional
    public List<Shipment> openParcels(long tenantId, long orderId, List<ParcelPlan> plan) {
        List<Shipment> existing = forOrder(tenantId, orderId);
        if (!existing.isEmpty()) {
            return existing;
        }
        try {
            int packageNo = 1;
            for (ParcelPlan parcel : plan) {
                long id = ids.next();
                jdbc.sql("""
                        insert into shipment (id, tenant_id, order_id, package_no, warehouse_id, status, created_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?)""")
                        .params(id, tenantId, orderId, packageNo++, parcel.warehouseId(), now()).update();
                parcel.lines().forEach((lineId, qty) -> jdbc.sql(
                                "insert into shipment_item (tenant_id, shipment_id, order_line_id, quantity) values (?, ?, ?, ?)")
                        .params(tenantId, id, lineId, qty).update());
            }
        } catch (DuplicateKeyException raced) {
            // opened concurrently by another worker: its parcels stand (this transaction rolls back)
            throw new ConcurrentParcelsException(orderId);
        }
        return forOrder(tenantId, orderId);
    }

    /**
     * The receiver changed after this parcel got its waybill: the parcel is void (its label with it) and an
     * open parcel with the same contents and warehouse takes its place, to get a waybill for the new address.
     * Returns the new parcel, or empty if the parcel no longer holds a live waybill. Joins the caller's transaction.
     */
    @Transactional
    public Optional<Shipment> replaceForNewReceiver(long tenantId, long shipmentId) {
        Shipment old = get(tenantId, shipmentId);
        if (old.status() != ShipmentStatus.WAYBILL_ISSUED
                || jdbc.sql("update shipment set status = 'CANCELLED' where tenant_id = ? and id = ? and status = 'WAYBILL_ISSUED'")
                .params(tenantId, shipmentId).update() == 0) {
            return Optional.empty();
        }
        int packageNo = jdbc.sql("select coalesce(max(package_no), 0) + 1 from shipment where tenant_id = ? and order_id = ?")
                .params(tenantId, old.orderId()).query(Integer.class).single();
        long id = ids.next();
        jdbc.sql("""
                insert into shipment (id, tenant_id, order_id, package_no, warehouse_id, status, created_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, tenantId, old.orderId(), packageNo, old.warehouseId(), now()).update();
        jdbc.sql("""
                insert into shipment_item (tenant_id, shipment_id, order_line_id, quantity)
                select tenant_id, ?, order_line_id, quantity from shipment_item where tenant_id = ? and shipment_id = ?""")
                .params(id, tenantId, shipmentId).update();
        return Optional.of(get(tenantId, id));
    }

    /** Another worker opened the same order's parcels at the same moment; the caller retries and finds them. */
    public static class ConcurrentParcelsException extends RuntimeException {
        ConcurrentParcelsException(long orderId) {
            super("parcels of order " + orderId + " were opened concurrently");
        }
    }

    /** Order line id → units in this parcel. */
    public Map<Long, Integer> items(long tenantId, long shipmentId) {
        Map<Long, Integer> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select order_line_id, quantity from shipment_item where tenant_id = ? and shipment_id = ? order by order_line_id")
                .params(tenantId, shipmentId).query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    /** Order line id → units, per parcel, for these parcels (one query); parcels packed by order are absent. */
    public Map<Long, Map<Long, Integer>> items(long tenantId, Collection<Long> shipmentIds) {
        Map<Long, Map<Long, Integer>> out = new HashMap<>();
        if (!shipmentIds.isEmpty()) {
            jdbc.sql("select shipment_id, order_line_id, quantity from shipment_item where tenant_id = :t and shipment_id in (:ids) "
                            + "order by shipment_id, order_line_id")
                    .param("t", tenantId).param("ids", shipmentIds).query(rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new java.util.LinkedHashMap<>()).put(rs.getLong(2), rs.getInt(3));
                    });
        }
        return out;
    }

    /**
     * Stores the courier's waybill on a parcel that has none yet. Returns false (and changes nothing) if the
     * parcel already carries a waybill, so a second number can never replace the first.
     */
    @Transactional
    public boolean recordWaybill(long tenantId, long shipmentId, long courierAccountId, IssuedWaybill waybill) {
        boolean recorded = jdbc.sql("""
                update shipment set courier_account_id = ?, carrier_code = ?, waybill_source = ?, tracking_number = ?,
                  mark_destination = ?, sorting_code = ?, package_center = ?, status = 'WAYBILL_ISSUED', waybill_issued_at = ?
                where tenant_id = ? and id = ? and tracking_number is null and status = 'OPEN'""")
                .params(courierAccountId, waybill.carrier().name(), WaybillSource.COURIER_API.name(), waybill.trackingNumber(),
                        waybill.markDestination(), waybill.sortingCode(), waybill.packageCenter(), now(), tenantId, shipmentId)
                .update() == 1;
        if (recorded) {
            long orderId = jdbc.sql("select order_id from shipment where tenant_id = ? and id = ?").params(tenantId, shipmentId)
                    .query(Long.class).single();
            events.publishEvent(new WaybillIssued(tenantId, orderId, shipmentId, courierAccountId, waybill.carrier(), waybill.trackingNumber()));
        }
        return recorded;
    }

    /**
     * Stores a number a person entered on a parcel that has none yet (its shape already checked by the
     * caller). Returns false, changing nothing, if the parcel already carries a number or is not open. No
     * {@link WaybillIssued} follows: no courier issued it.
     */
    @Transactional
    public boolean recordHandEnteredNumber(long tenantId, long shipmentId, Carrier carrier, String trackingNumber) {
        return jdbc.sql("""
                update shipment set carrier_code = ?, waybill_source = ?, tracking_number = ?, status = 'WAYBILL_ISSUED',
                  waybill_issued_at = ?
                where tenant_id = ? and id = ? and tracking_number is null and status = 'OPEN'""")
                .params(carrier.name(), WaybillSource.HAND_ENTERED.name(), trackingNumber, now(), tenantId, shipmentId)
                .update() == 1;
    }

    @Transactional
    public void markLabelRendered(long tenantId, long shipmentId) {
        jdbc.sql("update shipment set label_rendered_at = coalesce(label_rendered_at, ?) where tenant_id = ? and id = ?")
                .params(now(), tenantId, shipmentId).update();
    }

    @Transactional
    public boolean markShipped(long tenantId, long shipmentId) {
        return jdbc.sql("update shipment set status = 'SHIPPED', shipped_at = ? where tenant_id = ? and id = ? and status = 'WAYBILL_ISSUED'")
                .params(now(), tenantId, shipmentId).update() == 1;
    }

    @Transactional
    public void markCancelled(long tenantId, long shipmentId) {
        jdbc.sql("update shipment set status = 'CANCELLED' where tenant_id = ? and id = ? and status <> 'SHIPPED'")
                .params(tenantId, shipmentId).update();
    }

    public Shipment get(long tenantId, long shipmentId) {
        return jdbc.sql("select * from shipment where tenant_id = ? and id = ?").params(tenantId, shipmentId)
                .query(Shipments::map).optional().orElseThrow(() -> new NotFoundException("no shipment " + shipmentId));
    }

    public Optional<Shipment> find(long tenantId, long orderId, int packageNo) {
        return jdbc.sql("select * from shipment where tenant_id = ? and order_id = ? and package_no = ?")
                .params(tenantId, orderId, packageNo).query(Shipments::map).optional();
    }

    /** The parcels that carry the order: its own, and a parcel it was merged into with other orders. */
    public List<Shipment> forOrder(long tenantId, long orderId) {
        return forOrders(tenantId, List.of(orderId)).getOrDefault(orderId, List.of());
    }

    public Map<Long, List<Shipment>> forOrders(long tenantId, Collection<Long> orderIds) {
        Map<Long, List<Shipment>> out = new HashMap<>();
        if (orderIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select s.*, s.order_id as carried_order from shipment s where s.tenant_id = :t and s.order_id in (:ids)
                union
                select s.*, ol.order_id as carried_order from shipment s
                join shipment_item si on si.shipment_id = s.id join order_line ol on ol.id = si.order_line_id
                where s.tenant_id = :t and ol.order_id in (:ids)
                order by carried_order, package_no, id""")
                .param("t", tenantId).param("ids", orderIds)
                .query((rs, n) -> Map.entry(rs.getLong("carried_order"), map(rs, n))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** The parcels that left last, newest first. */
    public List<Shipment> recentlyShipped(long tenantId, int limit) {
        return jdbc.sql("select * from shipment where tenant_id = ? and shipped_at is not null order by shipped_at desc limit ?")
                .params(tenantId, limit).query(Shipments::map).list();
    }

    /** The shipments among these ids that belong to the tenant, by id. */
    public Map<Long, Shipment> byIds(long tenantId, Collection<Long> shipmentIds) {
        Map<Long, Shipment> out = new HashMap<>();
        if (!shipmentIds.isEmpty()) {
            jdbc.sql("select * from shipment where tenant_id = :t and id in (:ids)").param("t", tenantId).param("ids", shipmentIds)
                    .query(Shipments::map).list().forEach(s -> out.put(s.id(), s));
        }
        return out;
    }

    /**
     * Repacks an order by hand: its parcels without a waybill are replaced by the given ones. Joins the
     * caller's transaction.
     */
    @Transactional
    public List<Shipment> repack(long tenantId, long orderId, List<ParcelPlan> plan) {
        discardOpenParcels(tenantId, orderId);
        return openParcels(tenantId, orderId, plan);
    }

    private void discardOpenParcels(long tenantId, long orderId) {
        for (Shipment s : forOrder(tenantId, orderId)) {
            if (s.hasWaybill() || s.status() != ShipmentStatus.OPEN) {
                throw new io.fahuo.shared.ConflictException("order " + orderId + " already has a waybill; its parcels can no longer change");
            }
            jdbc.sql("delete from shipment_item where tenant_id = ? and shipment_id = ?").params(tenantId, s.id()).update();
            jdbc.sql("delete from shipment where tenant_id = ? and id = ?").params(tenantId, s.id()).update();
        }
    }

    /** The orders whose lines travel in each of these parcels (one query); parcels packed by order are absent. */
    public Map<Long, List<Long>> ordersIn(long tenantId, Collection<Long> shipmentIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (!shipmentIds.isEmpty()) {
            jdbc.sql("select distinct si.shipment_id, ol.order_id from shipment_item si join order_line ol on ol.id = si.order_line_id "
                            + "where si.tenant_id = :t and si.shipment_id in (:ids) order by si.shipment_id, ol.order_id")
                    .param("t", tenantId).param("ids", shipmentIds).query(rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
                    });
        }
        return out;
    }

    /** The orders whose lines travel in this parcel. */
    public List<Long> ordersIn(long tenantId, long shipmentId) {
        return jdbc.sql("""
                select distinct ol.order_id from shipment_item si join order_line ol on ol.id = si.order_line_id
                where si.tenant_id = ? and si.shipment_id = ? order by ol.order_id""")
                .params(tenantId, shipmentId).query(Long.class).list();
    }

    /**
     * Merges orders into one new parcel (合单): their open parcels without a waybill are discarded and one
     * parcel carrying all their lines takes their place. Joins the caller's transaction.
     */
    @Transactional
    public Shipment openMergedParcel(long tenantId, long warehouseId, Map<Long, Map<Long, Integer>> linesByOrder) {
        linesByOrder.keySet().forEach(orderId -> discardOpenParcels(tenantId, orderId));
        long primary = linesByOrder.keySet().iterator().next();
        long id = ids.next();
        jdbc.sql("insert into shipment (id, tenant_id, order_id, package_no, warehouse_id, status, created_at) values (?, ?, ?, 1, ?, 'OPEN', ?)")
                .params(id, tenantId, primary, warehouseId, now()).update();
        linesByOrder.values().forEach(lines -> lines.forEach((lineId, qty) -> jdbc.sql(
                        "insert into shipment_item (tenant_id, shipment_id, order_line_id, quantity) values (?, ?, ?, ?)")
                .params(tenantId, id, lineId, qty).update()));
        return get(tenantId, id);
    }

    public Optional<Shipment> findByTrackingNumber(long tenantId, String trackingNumber) {
        return jdbc.sql("select * from shipment where tenant_id = ? and tracking_number = ? order by id desc limit 1")
                .params(tenantId, trackingNumber).query(Shipments::map).optional();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Shipment map(ResultSet rs, int n) throws SQLException {
        long acc = rs.getLong("courier_account_id");
        Long account = rs.wasNull() ? null : acc;
        String carrier = rs.getString("carrier_code");
        String source = rs.getString("waybill_source");
        return new Shipment(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("order_id"), rs.getInt("package_no"),
                rs.getLong("warehouse_id"), account, carrier == null ? null : Carrier.valueOf(carrier),
                source == null ? null : WaybillSource.valueOf(source), rs.getString("tracking_number"),
                rs.getString("mark_destination"), rs.getString("sorting_code"), rs.getString("package_center"),
                ShipmentStatus.valueOf(rs.getString("status")), instant(rs, "waybill_issued_at"),
                instant(rs, "label_rendered_at"), instant(rs, "shipped_at"));
    }
}
