package io.fahuo.fulfilment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;

/**
 * Ship-by deadlines: the at-risk queue (less than the tenant's window left, default 6 h), the overdue list,
 * and alerts — one per order and kind — shown in the console and sent to the tenant's webhook, signed.
 */
@Service
public class Sla {

    private static final Logger log = LoggerFactory.getLogger(Sla.class);
    private static final int MAX_DELIVERY_ATTEMPTS = 20;
    private static final Duration LONGEST_WINDOW = Duration.ofHours(72);

    public record Item(long orderId, String platformOrderId, String status, Instant shipBy, long secondsLeft, String holdReason) {
    }

    public record Alert(long id, long orderId, String kind, Instant shipBy, Instant raisedAt, Instant deliveredAt, int attempts,
                        String lastError) {
    }

    private final JdbcClient jdbc;
    private final Orders orders;
    private final FulfilmentRules rules;
    private final Ids ids;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Sla(JdbcClient jdbc, Orders orders, FulfilmentRules rules, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    public List<Item> atRisk(long tenantId, int limit) {
        Instant now = clock.instant();
        Instant horizon = now.plus(Duration.ofHours(rules.settings(tenantId).atRiskHours()));
        return orders.unshippedDueBefore(tenantId, horizon, checked(limit)).stream()
                .filter(o -> !o.shipBy().isBefore(now)).map(o -> item(o, now)).toList();
    }

    public List<Item> overdue(long tenantId, int limit) {
        Instant now = clock.instant();
        return orders.unshippedDueBefore(tenantId, now, checked(limit)).stream().map(o -> item(o, now)).toList();
    }

    public List<Alert> alerts(long tenantId, int limit) {
        return jdbc.sql("""
                select id, order_id, kind, ship_by, raised_at, delivered_at, attempts, last_error from sla_alert
                where tenant_id = ? order by raised_at desc, id desc limit ?""")
                .params(tenantId, checked(limit))
                .query((rs, n) -> new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class)), rs.getInt(7),
                        rs.getString(8)))
                .list();
    }

    /** Raises the alerts due now for every tenant; each order gets at most one AT_RISK and one OVERDUE alert. */
    public int raiseAlerts() {
        Instant now = clock.instant();
        record Due(long tenantId, long orderId, OffsetDateTime shipBy) {
        }
        List<Due> due = jdbc.sql("""
                select tenant_id, id, ship_by from orders
                where status in ('PENDING', 'ON_HOLD', 'WAYBILL_ISSUED') and ship_by < ?""")
                .param(now.plus(LONGEST_WINDOW).atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class))).list();
        java.util.Map<Long, Integer> windows = new java.util.HashMap<>();
        int raised = 0;
        for (Due d : due) {
            int hours = windows.computeIfAbsent(d.tenantId(), t -> rules.settings(t).atRiskHours());
            Instant shipBy = d.shipBy().toInstant();
            String kind = shipBy.isBefore(now) ? "OVERDUE" : shipBy.isBefore(now.plus(Duration.ofHours(hours))) ? "AT_RISK" : null;
            if (kind == null) {
                continue;
            }
            raised += jdbc.sql("""
                    insert into sla_alert (id, tenant_id, order_id, kind, ship_by, raised_at, attempts)
                    select ?, ?, ?, ?, ?, ?, 0 where not exists (select 1 from sla_alert where tenant_id = ? and order_id = ? and kind = ?)""")
                    .params(ids.next(), d.tenantId(), d.orderId(), kind, d.shipBy(), now.atOffset(ZoneOffset.UTC),
                            d.tenantId(), d.orderId(), kind)
                    .update();
        }
        return raised;
    }

    /** Sends undelivered alerts to the tenants' webhooks; a failed delivery is tried again next round. */
    public void deliverAlerts() {
        record Pending(long id, long tenantId, long orderId, String kind, OffsetDateTime shipBy, OffsetDateTime raisedAt, int attempts) {
        }
        List<Pending> pending = jdbc.sql("""
                select a.id, a.tenant_id, a.order_id, a.kind, a.ship_by, a.raised_at, a.attempts from sla_alert a
                join fulfilment_settings s on s.tenant_id = a.tenant_id
                where a.delivered_at is null and a.attempts < ? and s.sla_alert_webhook_url is not null
                order by a.id limit 200""")
                .param(MAX_DELIVERY_ATTEMPTS)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getInt(7)))
                .list();
        for (Pending p : pending) {
            FulfilmentRules.Settings settings = rules.settings(p.tenantId());
            Order order = orders.get(p.tenantId(), p.orderId());
            String event = "sla." + p.kind().toLowerCase();
            String body = "{\"event\":\"" + event + "\",\"alertId\":" + p.id() + ",\"orderId\":" + p.orderId()
                    + ",\"platform\":\"" + order.platform() + "\",\"platformOrderId\":\"" + order.platformOrderId()
                    + "\",\"status\":\"" + order.status() + "\",\"shipBy\":\"" + p.shipBy().toInstant()
                    + "\",\"raisedAt\":\"" + p.raisedAt().toInstant() + "\"}";
            String error = post(settings.slaAlertWebhookUrl(), settings.slaAlertWebhookSecret(), event, p.id(), body);
            jdbc.sql("update sla_alert set attempts = attempts + 1, delivered_at = ?, last_error = ? where id = ?")
                    .params(error == null ? clock.instant().atOffset(ZoneOffset.UTC) : null, error, p.id()).update();
        }
    }

    private String post(String url, String secret, String event, long deliveryId, String body) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Fahuo-Event", event)
                    .header("X-Fahuo-Delivery", Long.toString(deliveryId))
                    .header("X-Fahuo-Signature", "sha256=" + sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            log.debug("SLA webhook {} failed: {}", url, e.getMessage());
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Lowercase hex HMAC-SHA256 of the body with the tenant's webhook secret (receivers verify it). */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Item item(Order o, Instant now) {
        return new Item(o.id(), o.platformOrderId(), o.status().name(), o.shipBy(), Duration.between(now, o.shipBy()).getSeconds(),
                o.holdReason());
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit must be between 1 and 1000");
        }
        return limit;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
