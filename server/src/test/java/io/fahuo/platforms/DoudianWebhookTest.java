package io.fahuo.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.platforms.doudian.DoudianPush;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.simulator.SimProperties;
import io.fahuo.support.PullControl;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /webhooks/doudian}: signed, de-duplicated, acknowledged, and only ever a reason to fetch the order. */
class DoudianWebhookTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    SimProperties sim;
    @Autowired
    SchedulerClient jobs;
    @Autowired
    Orders orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformPushes pushes;
    @Autowired
    Shops shops;

    @Test
    void aSignedPushMakesFahuoFetchTheOrderAndBelieveOnlyThePlatform() {
        Fixtures.Merchant m = fixtures.merchant("push-fetch", Fixtures.Options.standard().withoutAutoShip());
        PullControl.pausePull(jobs, m.shopId());
        String orderId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        // the message claims the order was cancelled; the platform's API says it awaits shipment
        String body = body("101", "msg-fetch-" + orderId, Map.of("p_id", Long.parseLong(orderId), "s_ids", List.of(),
                "shop_id", Long.parseLong(m.platformShopId()), "order_status", 4, "biz", 2, "create_time", 1700000000));
        HttpResponse<String> r = post(sim.doudian().appKey(), body, DoudianPush.sign(sim.doudian().appKey(), body, sim.doudian().appSecret()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(orders.findByPlatformId(m.tenantId(), m.shopId(), orderId)).get()
                        .extracting(Order::status).isEqualTo(OrderStatus.PENDING));

        // the tokens Fahuo got for the shop are stored sealed, never as they are
        var creds = shops.credentials(m.tenantId(), m.shopId());
        assertThat(creds.accessToken()).isNotBlank();
        Map<String, Object> row = jdbc.sql("select access_token_enc, refresh_token_enc from shop where id = ?").param(m.shopId())
                .query().singleRow();
        assertThat((String) row.get("access_token_enc")).doesNotContain(creds.accessToken());
        assertThat((String) row.get("refresh_token_enc")).doesNotContain(creds.refreshToken());
    }

    @Test
    void aWronglySignedOrUnsignedPushIsRefusedWithProblemJsonAndRecordsNothing() {
        Fixtures.Merchant m = fixtures.merchant("push-forged", Fixtures.Options.standard().withoutAutoShip());
        String body = body("101", "msg-forged-" + m.platformShopId(), Map.of("p_id", 1, "shop_id", Long.parseLong(m.platformShopId())));
        HttpResponse<String> forged = post(sim.doudian().appKey(), body, DoudianPush.sign(sim.doudian().appKey(), body, "not-the-secret"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(forged.body()).contains("event-sign");

        HttpResponse<String> tampered = post(sim.doudian().appKey(), body.replace("msg-forged", "msg-tampered"),
                DoudianPush.sign(sim.doudian().appKey(), body, sim.doudian().appSecret()));
        assertThat(tampered.statusCode()).isEqualTo(401);

        HttpResponse<String> unsigned = post(sim.doudian().appKey(), body, null);
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");

        HttpResponse<String> unknownApp = post("123", body, DoudianPush.sign("123", body, sim.doudian().appSecret()));
        assertThat(unknownApp.statusCode()).isEqualTo(401);

        assertThat(jdbc.sql("select count(*) from platform_push where msg_id like ?").param("msg-%-" + m.platformShopId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMessagePushedTwiceIsTakenOnce() {
        Fixtures.Merchant m = fixtures.merchant("push-twice", Fixtures.Options.standard().withoutAutoShip());
        String msgId = "msg-twice-" + m.platformShopId();
        String body = body("113", msgId, Map.of("p_id", 6920000000000000001L, "shop_id", Long.parseLong(m.platformShopId())));
        String sign = DoudianPush.sign(sim.doudian().appKey(), body, sim.doudian().appSecret());
        assertThat(post(sim.doudian().appKey(), body, sign).statusCode()).isEqualTo(200);
        assertThat(post(sim.doudian().appKey(), body, sign).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from platform_push where msg_id = ?").param(msgId).query(Long.class).single()).isEqualTo(1);

        PlatformPushes.Message again = new PlatformPushes.Message("113", msgId, m.platformShopId(), "6920000000000000001", false);
        assertThat(pushes.record(Platform.DOUDIAN, sim.doudian().appKey(), List.of(again))).isZero();
        PlatformPushes.Message fresh = new PlatformPushes.Message("113", msgId + "-b", m.platformShopId(), "6920000000000000001", false);
        assertThat(pushes.record(Platform.DOUDIAN, sim.doudian().appKey(), List.of(fresh, fresh))).isEqualTo(1);
    }

    @Test
    void theUrlVerificationMessageIsAcknowledged() {
        fixtures.merchant("push-verify", Fixtures.Options.standard().withoutAutoShip());
        String body = "[{\"tag\":\"0\",\"msg_id\":\"verify-" + System.nanoTime() + "\",\"data\":\"{}\"}]";
        HttpResponse<String> r = post(sim.doudian().appKey(), body, DoudianPush.sign(sim.doudian().appKey(), body, sim.doudian().appSecret()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(DoudianPush.ACK);
    }

    @Test
    void aBodyThatIsNotThePlatformsShapeIsABadRequest() {
        fixtures.merchant("push-shape", Fixtures.Options.standard().withoutAutoShip());
        String body = "{\"tag\":\"100\"}";
        HttpResponse<String> r = post(sim.doudian().appKey(), body, DoudianPush.sign(sim.doudian().appKey(), body, sim.doudian().appSecret()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("JSON array");
    }

    static String body(String tag, String msgId, Map<String, Object> data) {
        return JSON.writeValueAsString(List.of(Map.of("tag", tag, "msg_id", msgId, "data", JSON.writeValueAsString(data))));
    }

    private HttpResponse<String> post(String appKey, String body, String sign) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/doudian"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (appKey != null) {
            b.header("app-id", appKey);
        }
        if (sign != null) {
            b.header("event-sign", sign);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
