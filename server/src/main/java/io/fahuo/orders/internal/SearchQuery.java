package io.fahuo.orders.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.fahuo.orders.Orders.Cursor;
import io.fahuo.orders.domain.Order;

/**
 * Builds the order search's SQL. Pages follow (ship_by, id) with orders lacking a deadline after all others;
 * the two groups are read by separate range scans so that either stays an index walk (a single
 * "nulls last" comparison would not).
 */
public final class SearchQuery {

    private final JdbcClient jdbc;
    private final StringBuilder where = new StringBuilder(" where o.tenant_id = :t");
    private final Map<String, Object> params = new LinkedHashMap<>();

    public SearchQuery(JdbcClient jdbc, long tenantId) {
        this.jdbc = jdbc;
        params.put("t", tenantId);
    }

    public void filter(Collection<String> statuses, Long shopId, Instant shipByFrom, Instant shipByTo, String carrier) {
        if (!statuses.isEmpty()) {
            and("o.status in (:statuses)", "statuses", statuses);
        }
        if (shopId != null) {
            and("o.shop_id = :shop", "shop", shopId);
        }
        if (shipByFrom != null) {
            and("o.ship_by >= :shipByFrom", "shipByFrom", OrderRows.utc(shipByFrom));
        }
        if (shipByTo != null) {
            and("o.ship_by < :shipByTo", "shipByTo", OrderRows.utc(shipByTo));
        }
        if (carrier != null) {
            and("exists (select 1 from shipment s where s.tenant_id = o.tenant_id and s.order_id = o.id and s.carrier_code = :carrier)",
                    "carrier", carrier);
        }
    }

    public void onlyIds(Collection<Long> ids) {
        and("o.id in (:ids)", "ids", ids);
    }

    /** Masked values only: the receiver's real name, phone and address are sealed and cannot be searched. */
    public void maskedReceiverContains(String text) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        and("(o.receiver_name_masked like :text escape '\\' or o.receiver_phone_masked like :text escape '\\'"
                + " or o.receiver_detail_masked like :text escape '\\')", "text", like);
    }

    public List<Order> pageAfter(Cursor after, int limit) {
        List<Order> rows = new ArrayList<>();
        if (after == null || after.shipBy() != null) {
            String range = after == null ? " and o.ship_by is not null" : " and (o.ship_by, o.id) > (:cursorShipBy, :cursorId)";
            rows.addAll(select(range, " order by o.ship_by asc, o.id asc", after, limit));
        }
        if (rows.size() < limit) {
            String range = after == null || after.shipBy() != null ? " and o.ship_by is null" : " and o.ship_by is null and o.id > :cursorId";
            rows.addAll(select(range, " order by o.id asc", after, limit - rows.size()));
        }
        return rows;
    }

    /** The rows before the cursor, nearest first. */
    public List<Order> pageBefore(Cursor before, int limit) {
        List<Order> rows = new ArrayList<>();
        if (before.shipBy() == null) {
            rows.addAll(select(" and o.ship_by is null and o.id < :cursorId", " order by o.id desc", before, limit));
        }
        if (rows.size() < limit) {
            String range = before.shipBy() == null ? " and o.ship_by is not null" : " and (o.ship_by, o.id) < (:cursorShipBy, :cursorId)";
            rows.addAll(select(range, " order by o.ship_by desc, o.id desc", before, limit - rows.size()));
        }
        return rows;
    }

    public long countUpTo(int cap) {
        var count = jdbc.sql("select count(*) from (select 1 from orders o" + where + " limit :cap) capped").param("cap", cap);
        for (var p : params.entrySet()) {
            count = count.param(p.getKey(), p.getValue());
        }
        return count.query(Long.class).single();
    }

    private List<Order> select(String range, String order, Cursor cursor, int limit) {
        var select = jdbc.sql("select " + OrderRows.COLUMNS + " from orders o" + where + range + order + " limit :limit")
                .param("limit", limit);
        for (var p : params.entrySet()) {
            select = select.param(p.getKey(), p.getValue());
        }
        if (range.contains(":cursorShipBy")) {
            select = select.param("cursorShipBy", OrderRows.utc(cursor.shipBy()));
        }
        if (range.contains(":cursorId")) {
            select = select.param("cursorId", cursor.id());
        }
        return select.query(OrderRows::order).list();
    }

    private void and(String condition, String name, Object value) {
        where.append(" and ").append(condition);
        params.put(name, value);
    }
}
