package io.fahuo.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.TimelineEntry;
import io.fahuo.orders.internal.OrderRows;
import io.fahuo.shared.NotFoundException;

/** Reading orders, always within one tenant. */
@Service
public class Orders {

    public record Filter(OrderStatus status, Long shopId) {
    }

    public record Page(List<Order> items, long total) {
    }

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

    public long countByStatus(long tenantId, OrderStatus status) {
        return jdbc.sql("select count(*) from orders where tenant_id = ? and status = ?")
                .params(tenantId, status.name()).query(Long.class).single();
    }
}
