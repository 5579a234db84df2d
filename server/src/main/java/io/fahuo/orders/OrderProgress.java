package io.fahuo.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.shared.Ids;

/**
 * Moves orders through their statuses on behalf of the pipeline and of people. Every move is conditional
 * on the status the caller expects, so two workers cannot both move an order.
 */
@Service
public class OrderProgress {

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    OrderProgress(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** Locks the order row for the rest of the caller's transaction and returns its status. */
    @Transactional
    public Optional<OrderStatus> lock(long tenantId, long orderId) {
        return jdbc.sql("select status from orders where tenant_id = ? and id = ? for update")
                .params(tenantId, orderId).query(String.class).optional().map(OrderStatus::valueOf);
    }

    @Transactional
    public boolean move(long tenantId, long orderId, Collection<OrderStatus> from, OrderStatus to, String holdReason,
                        String step, String message) {
        int n = jdbc.sql("""
                update orders set status = :to, hold_reason = :hold, last_error = null, updated_at = :now, version = version + 1
                where tenant_id = :t and id = :id and status in (:from)""")
                .param("to", to.name()).param("hold", holdReason).param("now", now()).param("t", tenantId).param("id", orderId)
                .param("from", from.stream().map(Enum::name).toList())
                .update();
        if (n == 1) {
            record(tenantId, orderId, step, to == OrderStatus.ON_HOLD ? Outcome.INFO : Outcome.OK,
                    message != null ? message : "→ " + to + (holdReason == null ? "" : " (" + holdReason + ")"), 0);
        }
        return n == 1;
    }

    @Transactional
    public void assignWarehouse(long tenantId, long orderId, long warehouseId) {
        jdbc.sql("update orders set warehouse_id = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(warehouseId, now(), tenantId, orderId).update();
    }

    /** A person looked at the order and let it go: review rules no longer hold it. */
    @Transactional
    public void markReviewed(long tenantId, long orderId) {
        jdbc.sql("update orders set reviewed_at = ? where tenant_id = ? and id = ?").params(now(), tenantId, orderId).update();
    }

    public boolean reviewed(long tenantId, long orderId) {
        return jdbc.sql("select reviewed_at is not null from orders where tenant_id = ? and id = ?").params(tenantId, orderId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Why this order's parcel goes with the carrier it goes with ("why this carrier"). */
    @Transactional
    public void recordCarrierChoice(long tenantId, long orderId, String explanation) {
        jdbc.sql("update orders set carrier_reason = ? where tenant_id = ? and id = ?")
                .params(explanation.length() > 500 ? explanation.substring(0, 500) : explanation, tenantId, orderId).update();
    }

    /** Writes a step result to the timeline; an error also becomes the order's visible last error. */
    @Transactional
    public void record(long tenantId, long orderId, String step, Outcome outcome, String message, int attempt) {
        String msg = message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
        jdbc.sql("insert into order_event (id, tenant_id, order_id, at, step, outcome, message, attempt) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ids.next(), tenantId, orderId, now(), step, outcome.name(), msg, attempt).update();
        if (outcome == Outcome.ERROR) {
            jdbc.sql("update orders set last_error = ?, updated_at = ? where tenant_id = ? and id = ?")
                    .params(msg == null ? null : msg.length() > 1000 ? msg.substring(0, 1000) : msg, now(), tenantId, orderId)
                    .update();
        }
    }

    public List<Long> idsInStatus(long tenantId, OrderStatus status, int limit) {
        return jdbc.sql("select id from orders where tenant_id = ? and status = ? order by id limit ?")
                .params(tenantId, status.name(), limit).query(Long.class).list();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
