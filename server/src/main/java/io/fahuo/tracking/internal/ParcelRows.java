package io.fahuo.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.couriers.domain.TraceEvent;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.Ids;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.ParcelTracking;
import io.fahuo.tracking.TrackingException;
import io.fahuo.tracking.domain.ExceptionKind;
import io.fahuo.tracking.domain.InterceptState;
import io.fahuo.tracking.domain.TrackedParcel;
import io.fahuo.tracking.domain.TrackingRule;

/** The tracking tables. Every query names the tenant, except the lookups a tenant-less webhook needs. */
@Component
public class ParcelRows {

    /** How a trace line reached Fahuo. */
    public enum Via { PUSH, POLL, ANSWER }

    /** A stored trace line. */
    public record StoredLine(Instant at, String place, String text, String courierCode, ParcelState state, Via via) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;

    ParcelRows(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Registers a parcel unless the shipment is followed already; returns the parcel either way. */
    public TrackedParcel register(long tenantId, long shipmentId, long orderId, long accountId, Carrier carrier, String number,
                                  WaybillSource source, Instant now) {
        jdbc.sql("""
                insert into tracked_parcel (id, tenant_id, shipment_id, order_id, courier_account_id, carrier_code, tracking_number,
                  source, state, state_at, registered_at, poll_failures)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0
                where not exists (select 1 from tracked_parcel where tenant_id = ? and shipment_id = ?)""")
                .params(ids.next(), tenantId, shipmentId, orderId, accountId, carrier.name(), number, source.name(),
                        ParcelState.AWAITING_PICKUP.name(), ts(now), ts(now), tenantId, shipmentId)
                .update();
        return byShipment(tenantId, shipmentId).orElseThrow();
    }

    public Optional<TrackedParcel> get(long tenantId, long parcelId) {
        return jdbc.sql("select * from tracked_parcel where tenant_id = ? and id = ?").params(tenantId, parcelId)
                .query(ParcelRows::parcel).optional();
    }

    /** Locks the parcel row for the rest of the caller's transaction. */
    public Optional<TrackedParcel> lock(long tenantId, long parcelId) {
        return jdbc.sql("select * from tracked_parcel where tenant_id = ? and id = ? for update").params(tenantId, parcelId)
                .query(ParcelRows::parcel).optional();
    }

    public Optional<TrackedParcel> byShipment(long tenantId, long shipmentId) {
        return jdbc.sql("select * from tracked_parcel where tenant_id = ? and shipment_id = ?").params(tenantId, shipmentId)
                .query(ParcelRows::parcel).optional();
    }

    public List<TrackedParcel> byOrder(long tenantId, long orderId) {
        return jdbc.sql("select * from tracked_parcel where tenant_id = ? and order_id = ? order by id").params(tenantId, orderId)
                .query(ParcelRows::parcel).list();
    }

    public boolean numberTaken(long tenantId, Carrier carrier, String number) {
        return jdbc.sql("select count(*) from tracked_parcel where tenant_id = ? and carrier_code = ? and tracking_number = ?")
                .params(tenantId, carrier.name(), number).query(Integer.class).single() > 0;
    }

    /** Parcels with this number traced through one of these accounts, whichever tenant they belong to (webhooks). */
    public List<TrackedParcel> byNumber(Collection<Long> accountIds, Carrier carrier, String number) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from tracked_parcel where carrier_code = :c and tracking_number = :n and courier_account_id in (:ids)""")
                .param("c", carrier.name()).param("n", number).param("ids", accountIds).query(ParcelRows::parcel).list();
    }

    /** Parcels still travelling or waiting for confirmation, after {@code afterId}, for the exception sweep. */
    public List<TrackedParcel> unsettled(long afterId, int limit) {
        return jdbc.sql("""
                select * from tracked_parcel where id > ? and state not in ('DELIVERED', 'RETURNED')
                  and (intercept_state is null or intercept_state <> 'WITHDRAWN') order by id limit ?""")
                .params(afterId, limit).query(ParcelRows::parcel).list();
    }

    /** Stores the lines not seen before; returns how many were new. */
    public int addLines(TrackedParcel p, List<TraceEvent> lines, Via via, Instant now) {
        int added = 0;
        for (TraceEvent e : lines) {
            added += jdbc.sql("""
                    insert into tracking_event (id, tenant_id, parcel_id, at, place, text, courier_code, state, fingerprint, via, received_at)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                    where not exists (select 1 from tracking_event where parcel_id = ? and fingerprint = ?)""")
                    .params(ids.next(), p.tenantId(), p.id(), ts(e.at()), cut(e.place(), 200), cut(nz(e.text()), 1000),
                            cut(e.courierCode(), 40), e.state() == null ? null : e.state().name(), fingerprint(e), via.name(), ts(now),
                            p.id(), fingerprint(e))
                    .update();
        }
        return added;
    }

    public List<StoredLine> lines(long tenantId, long parcelId) {
        return jdbc.sql("select * from tracking_event where tenant_id = ? and parcel_id = ? order by at, id")
                .params(tenantId, parcelId)
                .query((rs, n) -> new StoredLine(instant(rs, "at"), rs.getString("place"), rs.getString("text"),
                        rs.getString("courier_code"), rs.getString("state") == null ? null : ParcelState.valueOf(rs.getString("state")),
                        Via.valueOf(rs.getString("via"))))
                .list();
    }

    public void updateTrace(TrackedParcel p, ParcelState state, Instant stateAt, Instant lastEventAt, Instant confirmedAt,
                            Instant deliveredAt) {
        jdbc.sql("""
                update tracked_parcel set state = ?, state_at = ?, last_event_at = ?, confirmed_at = ?, delivered_at = ?
                where tenant_id = ? and id = ?""")
                .params(state.name(), ts(stateAt), ts(lastEventAt), ts(confirmedAt), ts(deliveredAt), p.tenantId(), p.id())
                .update();
    }

    public void polled(TrackedParcel p, Instant at, boolean failed) {
        jdbc.sql("update tracked_parcel set last_polled_at = ?, poll_failures = " + (failed ? "poll_failures + 1" : "0")
                        + " where tenant_id = ? and id = ?")
                .params(ts(at), p.tenantId(), p.id()).update();
    }

    public void subscribed(TrackedParcel p, Instant at) {
        jdbc.sql("update tracked_parcel set subscribed_at = ? where tenant_id = ? and id = ?").params(ts(at), p.tenantId(), p.id()).update();
    }

    /** Moves the interception on, only from a state that is not final yet. */
    public boolean intercept(TrackedParcel p, InterceptState state, String detail, Instant now) {
        return jdbc.sql("""
                update tracked_parcel set intercept_state = ?, intercept_detail = ?,
                  intercept_requested_at = coalesce(intercept_requested_at, ?)
                where tenant_id = ? and id = ? and (intercept_state is null or intercept_state = 'REQUESTED')""")
                .params(state.name(), cut(detail, 500), ts(now), p.tenantId(), p.id()).update() == 1;
    }

    // --- exceptions

    public void raise(TrackedParcel p, ExceptionKind kind, String detail, Instant now) {
        int updated = jdbc.sql("""
                update tracking_exception set detail = ?, raised_at = case when resolved_at is null then raised_at else ? end,
                  resolved_at = null
                where tenant_id = ? and parcel_id = ? and kind = ?""")
                .params(cut(detail, 500), ts(now), p.tenantId(), p.id(), kind.name()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into tracking_exception (id, tenant_id, parcel_id, shipment_id, order_id, kind, detail, raised_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ids.next(), p.tenantId(), p.id(), p.shipmentId(), p.orderId(), kind.name(), cut(detail, 500), ts(now))
                    .update();
        }
    }

    public void resolve(TrackedParcel p, ExceptionKind kind, Instant now) {
        jdbc.sql("update tracking_exception set resolved_at = ? where tenant_id = ? and parcel_id = ? and kind = ? and resolved_at is null")
                .params(ts(now), p.tenantId(), p.id(), kind.name()).update();
    }

    public List<ParcelTracking.OpenException> openExceptions(long tenantId, long parcelId) {
        return jdbc.sql("select * from tracking_exception where tenant_id = ? and parcel_id = ? and resolved_at is null order by raised_at")
                .params(tenantId, parcelId)
                .query((rs, n) -> new ParcelTracking.OpenException(rs.getString("kind"), rs.getString("detail"), instant(rs, "raised_at")))
                .list();
    }

    public List<TrackingException> exceptions(long tenantId, ExceptionKind kind, boolean openOnly, int limit, long offset) {
        String where = "e.tenant_id = :t" + (kind == null ? "" : " and e.kind = :kind") + (openOnly ? " and e.resolved_at is null" : "");
        var query = jdbc.sql("""
                select e.*, p.carrier_code, p.tracking_number, p.state as parcel_state from tracking_exception e
                join tracked_parcel p on p.id = e.parcel_id and p.tenant_id = e.tenant_id
                where %s order by e.raised_at desc, e.id desc limit :limit offset :offset""".formatted(where))
                .param("t", tenantId).param("limit", limit).param("offset", offset);
        if (kind != null) {
            query = query.param("kind", kind.name());
        }
        return query.query((rs, n) -> new TrackingException(rs.getLong("id"), rs.getString("kind"), rs.getString("detail"),
                        rs.getLong("shipment_id"), rs.getLong("order_id"), rs.getString("carrier_code"), rs.getString("tracking_number"),
                        rs.getString("parcel_state"), instant(rs, "raised_at"), instant(rs, "resolved_at")))
                .list();
    }

    // --- rules

    /** The tenant's rules, each kind from the tenant's own row or else the default row (tenant 0). */
    public Map<ExceptionKind, TrackingRule> rules(long tenantId) {
        Map<ExceptionKind, TrackingRule> rules = new EnumMap<>(ExceptionKind.class);
        jdbc.sql("select * from tracking_rule where tenant_id in (0, ?) order by tenant_id").param(tenantId)
                .query((rs, n) -> new TrackingRule(ExceptionKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"),
                        Duration.ofMinutes(rs.getInt("threshold_minutes"))))
                .list().forEach(r -> rules.put(r.kind(), r));
        return rules;
    }

    public void saveRule(long tenantId, TrackingRule rule, Instant now) {
        int updated = jdbc.sql("update tracking_rule set enabled = ?, threshold_minutes = ?, updated_at = ? where tenant_id = ? and kind = ?")
                .params(rule.enabled(), (int) rule.threshold().toMinutes(), ts(now), tenantId, rule.kind().name()).update();
        if (updated == 0) {
            jdbc.sql("insert into tracking_rule (tenant_id, kind, enabled, threshold_minutes, updated_at) values (?, ?, ?, ?, ?)")
                    .params(tenantId, rule.kind().name(), rule.enabled(), (int) rule.threshold().toMinutes(), ts(now)).update();
        }
    }

    static String fingerprint(TraceEvent e) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((e.at().toEpochMilli() + "|" + nz(e.courierCode()) + "|"
                    + nz(e.place()) + "|" + nz(e.text())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static TrackedParcel parcel(ResultSet rs, int n) throws SQLException {
        String intercept = rs.getString("intercept_state");
        return new TrackedParcel(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("shipment_id"), rs.getLong("order_id"),
                rs.getLong("courier_account_id"), Carrier.valueOf(rs.getString("carrier_code")), rs.getString("tracking_number"),
                WaybillSource.valueOf(rs.getString("source")), ParcelState.valueOf(rs.getString("state")), instant(rs, "state_at"),
                instant(rs, "last_event_at"), instant(rs, "registered_at"), instant(rs, "subscribed_at"), instant(rs, "confirmed_at"),
                instant(rs, "delivered_at"), intercept == null ? null : InterceptState.valueOf(intercept), rs.getString("intercept_detail"),
                instant(rs, "intercept_requested_at"), instant(rs, "last_polled_at"), rs.getInt("poll_failures"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
