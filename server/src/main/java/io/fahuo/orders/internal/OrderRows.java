package io.fahuo.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderLine;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.ReceiverSnapshot;

/** Row mapping shared by the orders module's queries. */
public final class OrderRows {

    public static final String COLUMNS = """
            o.id, o.tenant_id, o.shop_id, o.platform, o.platform_order_id, o.platform_status, o.status, o.hold_reason,
            o.last_error, o.amount_fen, o.paid_at, o.ship_by, o.platform_created_at, o.platform_updated_at,
            o.buyer_remark, o.seller_remark, o.receiver_province, o.receiver_city, o.receiver_district,
            o.receiver_street, o.receiver_name_masked, o.receiver_phone_masked, o.receiver_detail_masked,
            o.warehouse_id, o.created_at, o.updated_at, o.carrier_reason""";

    private OrderRows() {
    }

    public static Order order(ResultSet rs, int row) throws SQLException {
        long warehouse = rs.getLong("warehouse_id");
        Long warehouseId = rs.wasNull() ? null : warehouse;
        return new Order(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("shop_id"), rs.getString("platform"),
                rs.getString("platform_order_id"), rs.getString("platform_status"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("hold_reason"), rs.getString("last_error"), rs.getLong("amount_fen"), instant(rs, "paid_at"),
                instant(rs, "ship_by"), instant(rs, "platform_created_at"), instant(rs, "platform_updated_at"),
                rs.getString("buyer_remark"), rs.getString("seller_remark"),
                new ReceiverSnapshot(rs.getString("receiver_province"), rs.getString("receiver_city"),
                        rs.getString("receiver_district"), rs.getString("receiver_street"), rs.getString("receiver_name_masked"),
                        rs.getString("receiver_phone_masked"), rs.getString("receiver_detail_masked"), null),
                warehouseId, instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("carrier_reason"), List.of());
    }

    public static OrderLine line(ResultSet rs, int row) throws SQLException {
        return new OrderLine(rs.getLong("id"), rs.getInt("line_no"), rs.getString("platform_line_id"),
                rs.getString("platform_sku_id"), rs.getString("sku_code"), rs.getString("product_name"),
                rs.getString("spec"), rs.getInt("quantity"), rs.getLong("amount_fen"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
