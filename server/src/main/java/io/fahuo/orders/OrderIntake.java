package io.fahuo.orders;

import static io.fahuo.orders.internal.OrderRows.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.fahuo.orders.domain.AfterSale;
import io.fahuo.orders.domain.IncomingLine;
import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.orders.domain.IntakePolicy;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.PlatformState;
import io.fahuo.orders.domain.ReceiverSnapshot;
import io.fahuo.orders.internal.OrderRows;
import io.fahuo.shared.Ids;
import io.fahuo.shared.crypto.SecretBox;

/**
 * Takes in a page of normalised platform orders: inserts new ones, applies newer platform states to known
 * ones, ignores stale copies. One transaction per page; events tell the pipeline what became shippable.
 */
@Service
public class OrderIntake {

    public record Result(int created, int updated, int unchanged) {
    }

    private record Known(long id, OrderStatus status, String holdReason, Instant platformUpdatedAt, String platformStatus,
                         AfterSale afterSale, String receiverFingerprint) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Ids ids;
    private final Clock clock;
    private final SecretBox secrets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    OrderIntake(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Ids ids, Clock clock, SecretBox secrets,
                ApplicationEventPublisher events, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.ids = ids;
        this.clock = clock;
        this.secrets = secrets;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
    }

    public Result accept(long tenantId, long shopId, String platform, List<IncomingOrder> page) {
        if (page.isEmpty()) {
            return new Result(0, 0, 0);
        }
        try {
            return tx.execute(s -> acceptInTransaction(tenantId, shopId, platform, page));
        } catch (DuplicateKeyException raced) {
            // a push and a pull brought the same new order at once; the second pass sees it as known
            return tx.execute(s -> acceptInTransaction(tenantId, shopId, platform, page));
        }
    }

    private Result acceptInTransaction(long tenantId, long shopId, String platform, List<IncomingOrder> page) {
        Map<String, IncomingOrder> latest = new HashMap<>();
        for (IncomingOrder o : page) {
            latest.merge(o.platformOrderId(), o, (a, b) -> a.updatedAt().isAfter(b.updatedAt()) ? a : b);
        }
        Map<String, Known> known = new HashMap<>();
        jdbc.sql("""
                select id, platform_order_id, status, hold_reason, platform_updated_at, platform_status, platform_after_sale,
                  receiver_fingerprint from orders
                where tenant_id = :t and shop_id = :s and platform_order_id in (:ids) for update""")
                .param("t", tenantId).param("s", shopId).param("ids", latest.keySet())
                .query(rs -> {
                    known.put(rs.getString("platform_order_id"), new Known(rs.getLong("id"),
                            OrderStatus.valueOf(rs.getString("status")), rs.getString("hold_reason"),
                            OrderRows.instant(rs, "platform_updated_at"), rs.getString("platform_status"),
                            rs.getString("platform_after_sale") == null ? AfterSale.NONE : AfterSale.valueOf(rs.getString("platform_after_sale")),
                            rs.getString("receiver_fingerprint")));
                });

        OffsetDateTime now = utc(clock.instant());
        List<Long> shippable = new ArrayList<>();
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        List<Object[]> eventRows = new ArrayList<>();
        List<Object> afterInsert = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        for (IncomingOrder in : latest.values()) {
            Known k = known.get(in.platformOrderId());
            if (k == null) {
                long id = ids.next();
                IntakePolicy.Decision d = IntakePolicy.forNewOrder(in.state());
                orderRows.add(newOrderRow(id, tenantId, shopId, platform, in, d, now));
                int lineNo = 1;
                for (IncomingLine l : in.lines()) {
                    lineRows.add(new Object[] {ids.next(), tenantId, id, lineNo++, l.platformLineId(), l.platformSkuId(),
                            l.skuCode(), l.productName(), l.spec(), l.quantity(), l.amountFen()});
                }
                eventRows.add(new Object[] {ids.next(), tenantId, id, now, "INTAKE", "INFO",
                        "received from " + platform + " as " + in.platformStatus() + " → " + d.status()
                                + (d.holdReason() == null ? "" : " (" + d.holdReason() + ")"), 0});
                if (d.becameShippable()) {
                    shippable.add(id);
                }
                if (refundOpen(in.afterSale()) && d.status() != OrderStatus.CANCELLED && d.status() != OrderStatus.SHIPPED) {
                    afterInsert.add(new OrderRefundRequested(tenantId, id));
                }
                continue;
            }
            boolean stale = in.updatedAt().isBefore(k.platformUpdatedAt());
            String fingerprint = fingerprint(in.receiver());
            boolean receiverChanged = receiverChanged(k.receiverFingerprint(), fingerprint, in.updatedAt().isAfter(k.platformUpdatedAt()));
            boolean afterSaleChanged = in.afterSale() != k.afterSale();
            boolean same = in.updatedAt().equals(k.platformUpdatedAt()) && in.platformStatus().equals(k.platformStatus())
                    && !receiverChanged && !afterSaleChanged && k.receiverFingerprint() != null;
            if (stale || same) {
                unchanged++;
                continue;
            }
            IntakePolicy.Decision d = IntakePolicy.forUpdate(k.status(), k.holdReason(), in.state());
            jdbc.sql("""
                    update orders set platform_status = ?, platform_updated_at = ?, status = ?, hold_reason = ?,
                      seller_remark = ?, ship_by = coalesce(?, ship_by), paid_at = coalesce(?, paid_at),
                      platform_after_sale = ?, receiver_fingerprint = ?, updated_at = ?, version = version + 1
                    where id = ?""")
                    .params(in.platformStatus(), utc(in.updatedAt()), d.status().name(), d.holdReason(), in.sellerRemark(),
                            utc(IntakePolicy.shipBy(in)), utc(in.paidAt()), in.afterSale().name(), fingerprint, now, k.id())
                    .update();
            if (d.status() != k.status()) {
                eventRows.add(new Object[] {ids.next(), tenantId, k.id(), now, "PLATFORM", "INFO",
                        "platform status " + in.platformStatus() + ": " + k.status() + " → " + d.status(), 0});
            }
            if (d.becameShippable()) {
                shippable.add(k.id());
            }
            if (d.cancelled()) {
                events.publishEvent(new OrderCancelled(tenantId, k.id(), k.status()));
            }
            boolean shipped = d.status() == OrderStatus.SHIPPED;
            if (receiverChanged) {
                var r = in.receiver();
                jdbc.sql("""
                        update orders set receiver_province = ?, receiver_city = ?, receiver_district = ?, receiver_street = ?,
                          receiver_name_masked = ?, receiver_phone_masked = ?, receiver_detail_masked = ?, receiver_pii_enc = ?
                        where id = ?""")
                        .params(r.province(), r.city(), r.district(), r.street(), r.nameMasked(), r.phoneMasked(),
                                truncate(r.detailMasked(), 300),
                                r.sensitive() == null ? null : secrets.seal(r.sensitive(), ReceiverVault.context(tenantId)), k.id())
                        .update();
                eventRows.add(new Object[] {ids.next(), tenantId, k.id(), now, "ADDRESS", "INFO",
                        "the buyer's address changed on the platform: now " + r.maskedText()
                                + (shipped ? " (the order had already shipped)" : ""), 0});
                if (!shipped && d.status() != OrderStatus.CANCELLED) {
                    afterInsert.add(new OrderAddressChanged(tenantId, k.id()));
                }
            }
            if (afterSaleChanged) {
                eventRows.add(new Object[] {ids.next(), tenantId, k.id(), now, "AFTER_SALE", "INFO",
                        "after-sale on the platform: " + k.afterSale() + " → " + in.afterSale(), 0});
                if (refundOpen(in.afterSale()) && !shipped && d.status() != OrderStatus.CANCELLED) {
                    afterInsert.add(new OrderRefundRequested(tenantId, k.id()));
                } else if (refundOpen(k.afterSale()) && in.afterSale() == AfterSale.NONE && !shipped && d.status() != OrderStatus.CANCELLED) {
                    afterInsert.add(new OrderRefundWithdrawn(tenantId, k.id()));
                }
            }
            boolean newlyCancelledOnPlatform = in.state() == PlatformState.CANCELLED && !in.platformStatus().equals(k.platformStatus());
            boolean newlyRefunded = afterSaleChanged && in.afterSale() == AfterSale.REFUNDED;
            if (k.status() == OrderStatus.SHIPPED && (newlyCancelledOnPlatform || newlyRefunded)) {
                afterInsert.add(new OrderCancelledAfterShipping(tenantId, k.id()));
            }
            updated++;
        }
        jdbcTemplate.batchUpdate("""
                insert into orders (id, tenant_id, shop_id, platform, platform_order_id, platform_status, status, hold_reason,
                  amount_fen, paid_at, ship_by, platform_created_at, platform_updated_at, buyer_remark, seller_remark,
                  receiver_province, receiver_city, receiver_district, receiver_street, receiver_name_masked,
                  receiver_phone_masked, receiver_detail_masked, receiver_pii_enc, created_at, updated_at, platform_after_sale,
                  receiver_fingerprint, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", orderRows);
        jdbcTemplate.batchUpdate("""
                insert into order_line (id, tenant_id, order_id, line_no, platform_line_id, platform_sku_id, sku_code,
                  product_name, spec, quantity, amount_fen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lineRows);
        jdbcTemplate.batchUpdate("""
                insert into order_event (id, tenant_id, order_id, at, step, outcome, message, attempt)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", eventRows);
        if (!shippable.isEmpty()) {
            events.publishEvent(new OrdersBecameShippable(tenantId, shopId, List.copyOf(shippable)));
        }
        // after the rows exist: listeners hold, re-issue or intercept what these tell them
        afterInsert.forEach(events::publishEvent);
        return new Result(orderRows.size(), updated, unchanged);
    }

    private Object[] newOrderRow(long id, long tenantId, long shopId, String platform, IncomingOrder in,
                                 IntakePolicy.Decision d, OffsetDateTime now) {
        var r = in.receiver();
        String sealed = r.sensitive() == null ? null : secrets.seal(r.sensitive(), ReceiverVault.context(tenantId));
        return new Object[] {id, tenantId, shopId, platform, in.platformOrderId(), in.platformStatus(), d.status().name(),
                d.holdReason(), in.amountFen(), utc(in.paidAt()), utc(IntakePolicy.shipBy(in)), utc(in.createdAt()), utc(in.updatedAt()),
                truncate(in.buyerRemark(), 1000), truncate(in.sellerRemark(), 1000), r.province(), r.city(), r.district(),
                r.street(), r.nameMasked(), r.phoneMasked(), truncate(r.detailMasked(), 300), sealed, now, now,
                in.afterSale().name(), fingerprint(r)};
    }

    private static boolean refundOpen(AfterSale a) {
        return a == AfterSale.REQUESTED || a == AfterSale.PARTLY_REFUNDED;
    }

    /**
     * The receiver as the platform sent it, as two hashes "visible:protected": region and masked parts, and the
     * platform's protected form (ciphertexts). Compared by {@link #receiverChanged}.
     */
    static String fingerprint(ReceiverSnapshot r) {
        String visible = String.join("\u0001", String.valueOf(r.province()), String.valueOf(r.city()), String.valueOf(r.district()),
                String.valueOf(r.street()), String.valueOf(r.nameMasked()), String.valueOf(r.phoneMasked()), String.valueOf(r.detailMasked()));
        return sha256(visible).substring(0, 31) + ":" + sha256(String.valueOf(r.sensitive())).substring(0, 31);
    }

    /**
     * Whether the receiver changed. A change of region or masked parts is one; a change of the ciphertexts alone
     * counts only when the platform also moved the order's update time, so a platform that re-encrypts an
     * unchanged address on a later read cannot make Fahuo void good waybills.
     */
    static boolean receiverChanged(String before, String now, boolean platformUpdated) {
        if (before == null || before.equals(now)) {
            return false;
        }
        int b = before.indexOf(':');
        int n = now.indexOf(':');
        if (b < 0 || n < 0 || !before.substring(0, b).equals(now.substring(0, n))) {
            return true;
        }
        return platformUpdated;
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
