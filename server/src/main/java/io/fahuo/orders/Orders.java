package io.fahuo.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.TimelineEntry;
import io.fahuo.orders.internal.OrderRows;
import io.fahuo.orders.internal.SearchQuery;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.NotFoundException;

/** Reading orders, always within one tenant. */
@Service
public class Orders {

    public record Filter(OrderStatus status, Long shopId) {
    }

    public record Page(List<Order> items, long total) {
    }

    /**
     * What the console's order list filters by; every part is optional. {@code text} is a platform order id or
     * tracking number (exact), or else a fragment of the masked receiver (e.g. the last digits of the phone).
     */
    public record Search(Set<OrderStatus> statuses, Long shopId, Instant shipByFrom, Instant shipByTo, Carrier carrier,
                         String text) {

        public Search {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            text = text == null || text.isBlank() ? null : text.strip();
        }

        public static Search everything() {
            return new Search(Set.of(), null, null, null, null, null);
        }
    }

    /** A position in the (ship-by, id) order; orders without a ship-by deadline come last. */
    public record Cursor(Instant shipBy, long id) {

        public static Cursor of(Order o) {
            return new Cursor(o.shipBy(), o.id());
        }
    }

    /**
     * One page of a search, with the cursors to the neighbouring pages (null when there is none) and the
     * number of matches, counted up to {@link #COUNT_CAP} only.
     */
    public record Slice(List<Order> items, Cursor previous, Cursor next, long count, boolean countCapped) {
    }

    /** Counting every match of a broad filter over a million orders on each page costs more than it tells. */
    public static final int COUNT_CAP = 10_000;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Order> find(long tenantId, long orderId) {
        return jdbc.sql("select " + OrderRows.COLUMNS + " from orders o where o.tenant_id = ? and o.id = ?")
                .params(tenantId, orderId).query(OrderRows::order).optional()
                .map(o -> o.withLines(jdbc.sql("select * from order_line where tenant_id = ? and order_id = ? order by line_no")
                        .params(tenantId, orderId).query(OrderRows::line).list()));
    }

    /** The tenant's orders among these ids, with their lines, by id: two queries whatever the count. */
    public Map<Long, Order> byIds(long tenantId, java.util.Collection<Long> orderIds) {
        Map<Long, Order> out = new java.util.HashMap<>();
        if (orderIds.isEmpty()) {
            return out;
        }
        Map<Long, List<io.fahuo.orders.domain.OrderLine>> lines = new java.util.HashMap<>();
        jdbc.sql("select * from order_line where tenant_id = :t and order_id in (:ids) order by order_id, line_no")
                .param("t", tenantId).param("ids", orderIds)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(OrderRows.line(rs, 0));
                });
        jdbc.sql("select " + OrderRows.COLUMNS + " from orders o where o.tenant_id = :t and o.id in (:ids)")
                .param("t", tenantId).param("ids", orderIds).query(OrderRows::order).list()
                .forEach(o -> out.put(o.id(), o.withLines(lines.getOrDefault(o.id(), List.of()))));
        return out;
    }

    public Order get(long tenantId, long orderId) {
        return find(tenantId, orderId).orElseThrow(() -> new NotFoundException("no order " + orderId));
    }

    public Optional<Order> findByPlatformId(long tenantId, long shopId, String platformOrderId) {
        return jdbc.sql("select id from orders where tenant_id = ? and shop_id = ? and platform_order_id = ?")
                .params(tenantId, shopId, platformOrderId).query(Long.class).optional().flatMap(id -> find(tenantId, id));
    }

    /** Newest first by ship-by deadline: the orders that must leave soonest come first. */
    public Page list(long tenantId, Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where o.tenant_id = :t");
        List<Object[]> params = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            params.add(new Object[] {"status", filter.status().name()});
        }
        if (filter.shopId() != null) {
            where.append(" and o.shop_id = :shop");
            params.add(new Object[] {"shop", filter.shopId()});
        }
        var count = jdbc.sql("select count(*) from orders o" + where).param("t", tenantId);
        var select = jdbc.sql("select " + OrderRows.COLUMNS + " from orders o" + where
                        + " order by o.ship_by asc, o.id asc limit :limit offset :offset")
                .param("t", tenantId).param("limit", size).param("offset", (long) page * size);
        for (Object[] p : params) {
            count = count.param((String) p[0], p[1]);
            select = select.param((String) p[0], p[1]);
        }
        return new Page(select.query(OrderRows::order).list(), count.query(Long.class).single());
    }

    /** Orders still to ship whose deadline falls before {@code before}, soonest first. */
    public List<Order> unshippedDueBefore(long tenantId, java.time.Instant before, int limit) {
        return jdbc.sql("select " + OrderRows.COLUMNS + " from orders o where o.tenant_id = ? and o.status in ('PENDING', 'ON_HOLD', 'WAYBILL_ISSUED')"
                        + " and o.ship_by < ? order by o.ship_by, o.id limit ?")
                .params(tenantId, OrderRows.utc(before), limit).query(OrderRows::order).list();
    }

    public List<TimelineEntry> timeline(long tenantId, long orderId) {
        return jdbc.sql("select at, step, outcome, message, attempt from order_event where tenant_id = ? and order_id = ? order by at, id")
                .params(tenantId, orderId)
                .query((rs, n) -> new TimelineEntry(OrderRows.instant(rs, "at"), rs.getString("step"),
                        TimelineEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("message"), rs.getInt("attempt")))
                .list();
    }

    /**
     * Keyset pagination over (ship_by, id): each page is an index range scan whatever its depth. Pass
     * {@code after} for the page after a cursor, {@code before} for the page before it, neither for the first.
     */
    public Slice search(long tenantId, Search search, Cursor after, Cursor before, int size) {
        SearchQuery query = new SearchQuery(jdbc, tenantId);
        query.filter(search.statuses().stream().map(Enum::name).toList(), search.shopId(), search.shipByFrom(),
                search.shipByTo(), search.carrier() == null ? null : search.carrier().name());
        if (search.text() != null) {
            List<Long> exact = IDENTIFIER.matcher(search.text()).matches() ? exactMatches(tenantId, search.text()) : List.of();
            if (!exact.isEmpty()) {
                query.onlyIds(exact);
            } else {
                query.maskedReceiverContains(search.text());
            }
        }
        boolean backwards = before != null && after == null;
        List<Order> rows = backwards ? query.pageBefore(before, size + 1) : query.pageAfter(after, size + 1);
        boolean more = rows.size() > size;
        List<Order> items = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (backwards) {
            Collections.reverse(items);
        }
        boolean hasPrevious = backwards ? more : after != null;
        boolean hasNext = backwards || more;
        Cursor previous = hasPrevious && !items.isEmpty() ? Cursor.of(items.get(0)) : null;
        Cursor next = hasNext && !items.isEmpty() ? Cursor.of(items.get(items.size() - 1)) : null;
        long count = query.countUpTo(COUNT_CAP + 1);
        return new Slice(items, previous, next, Math.min(count, COUNT_CAP), count > COUNT_CAP);
    }

    /** Orders whose platform order id or tracking number is exactly {@code text} (both indexed). */
    private List<Long> exactMatches(long tenantId, String text) {
        List<Long> ids = new ArrayList<>(jdbc.sql("select id from orders where tenant_id = ? and platform_order_id = ?")
                .params(tenantId, text).query(Long.class).list());
        ids.addAll(jdbc.sql("select order_id from shipment where tenant_id = ? and tracking_number = ?")
                .params(tenantId, text).query(Long.class).list());
        return ids;
    }

    /** How many orders are in each status that still needs work (final statuses are not counted). */
    public Map<OrderStatus, Long> openCounts(long tenantId) {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            if (!s.isFinal()) {
                counts.put(s, 0L);
            }
        }
        jdbc.sql("select status, count(*) from orders where tenant_id = :t and status in (:open) group by status")
                .param("t", tenantId).param("open", counts.keySet().stream().map(Enum::name).toList())
                .query(rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Orders paid at or after {@code since}. */
    public long paidSince(long tenantId, Instant since) {
        return jdbc.sql("select count(*) from orders where tenant_id = ? and paid_at >= ?")
                .params(tenantId, OrderRows.utc(since)).query(Long.class).single();
    }

    /** Orders the pipeline is working on whose last step failed (they are retried; people may want to look). */
    public long failingCount(long tenantId) {
        return jdbc.sql("select count(*) from orders where tenant_id = ? and status in ('PENDING', 'WAYBILL_ISSUED') and last_error is not null")
                .param(tenantId).query(Long.class).single();
    }

    public long countByStatus(long tenantId, OrderStatus status) {
        return jdbc.sql("select count(*) from orders where tenant_id = ? and status = ?")
                .params(tenantId, status.name()).query(Long.class).single();
    }
}
