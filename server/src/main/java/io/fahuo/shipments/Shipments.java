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

    /** The order's single parcel, opened on first call. */
    @Transactional
    public Shipment openSingleParcel(long tenantId, long orderId, long warehouseId) {
        Optional<Shipment> existing = find(tenantId, orderId, 1);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("""
                    insert into shipment (id, tenant_id, order_id, package_no, warehouse_id, status, created_at)
                    values (?, ?, ?, 1, ?, 'OPEN', ?)""")
                    .params(ids.next(), tenantId, orderId, warehouseId, now()).update();
        } catch (DuplicateKeyException raced) {
            // opened concurrently: take the one that won
        }
        return find(tenantId, orderId, 1).orElseThrow();
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

    public List<Shipment> forOrder(long tenantId, long orderId) {
        return jdbc.sql("select * from shipment where tenant_id = ? and order_id = ? order by package_no")
                .params(tenantId, orderId).query(Shipments::map).list();
    }

    public Map<Long, List<Shipment>> forOrders(long tenantId, Collection<Long> orderIds) {
        Map<Long, List<Shipment>> out = new HashMap<>();
        if (orderIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from shipment where tenant_id = :t and order_id in (:ids) order by order_id, package_no")
                .param("t", tenantId).param("ids", orderIds).query(Shipments::map).list()
                .forEach(s -> out.computeIfAbsent(s.orderId(), k -> new java.util.ArrayList<>()).add(s));
        return out;
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
