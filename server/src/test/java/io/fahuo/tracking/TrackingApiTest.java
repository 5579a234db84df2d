package io.fahuo.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.kdniao.KdniaoSigner;
import io.fahuo.orders.OrderCancelled;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.shared.Carrier;
import io.fahuo.simulator.SimProperties;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tracking through the API and the webhooks: what a merchant sees and what a courier's push changes. */
class TrackingApiTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DateTimeFormatter CHINA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @Autowired
    SimProperties sim;

    @Autowired
    CourierAccounts accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager txManager;

    record Parcel(long orderId, long shipmentId, String number) {
    }

    private Parcel shipOne(Fixtures.Merchant m) {
        sim().createOrders(m.platformShopId(), 1, Map.of());
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.getJson("/api/v1/orders?status=SHIPPED").path("total").asInt()).isEqualTo(1));
        JsonNode order = api.getJson("/api/v1/orders?status=SHIPPED").path("items").get(0);
        long shipmentId = api.getJson("/api/v1/orders/" + order.path("id").asLong()).path("shipments").get(0).path("id").asLong();
        return new Parcel(order.path("id").asLong(), shipmentId, order.path("trackingNumber").stringValue());
    }

    /** A 102 push as the simulated Kdniao would send it, signed with {@code appKey}. */
    private JsonNode push(String number, String appKey, List<Map<String, Object>> traces, String state) {
        Map<String, Object> item = Map.of("EBusinessID", sim.kdniao().eBusinessId(), "ShipperCode", "ZTO", "LogisticCode", number,
                "Success", true, "State", state.substring(0, 1), "StateEx", state, "Traces", traces);
        String requestData = JSON.writeValueAsString(Map.of("EBusinessID", sim.kdniao().eBusinessId(), "PushTime", "2026-01-01 00:00:00",
                "Count", "1", "Data", List.of(item)));
        String form = "RequestData=" + enc(requestData) + "&DataSign=" + enc(KdniaoSigner.dataSign(requestData, appKey)) + "&RequestType=102";
        return JSON.readTree(sim().postForm("/webhooks/kdniao", form));
    }

    private static Map<String, Object> line(Instant at, String text, String action) {
        return Map.of("AcceptTime", CHINA.format(at), "AcceptStation", text, "Location", "杭州市", "Action", action);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aShippedParcelIsTrackedAndTakesSignedPushesOnce() {
        Fixtures.Merchant m = fixtures.merchant("track-push", Fixtures.Options.standard());
        Parcel p = shipOne(m);
        ApiClient api = api(m.token());
        JsonNode view = api.getJson("/api/v1/shipments/" + p.shipmentId() + "/tracking");
        assertThat(view.path("state").stringValue()).isEqualTo("AWAITING_PICKUP");
        assertThat(view.path("source").stringValue()).isEqualTo("COURIER_API");
        assertThat(view.path("trackingNumber").stringValue()).isEqualTo(p.number());
        assertThat(view.path("events").size()).isZero();

        Instant collected = Instant.now().minus(Duration.ofHours(3));
        List<Map<String, Object>> traces = List.of(line(collected, "【杭州余杭揽投部】已揽收", "1"),
                line(collected.plus(Duration.ofHours(2)), "快件已从【杭州转运中心】发出", "2"));
        assertThat(push(p.number(), "forged-key", traces, "2").path("Success").asBoolean()).isFalse();
        assertThat(api.getJson("/api/v1/shipments/" + p.shipmentId() + "/tracking").path("events").size()).isZero();

        JsonNode reply = push(p.number(), sim.kdniao().appKey(), traces, "2");
        assertThat(reply.path("Success").asBoolean()).isTrue();
        assertThat(reply.path("EBusinessID").stringValue()).isEqualTo(sim.kdniao().eBusinessId());
        push(p.number(), sim.kdniao().appKey(), traces, "2");
        view = api.getJson("/api/v1/shipments/" + p.shipmentId() + "/tracking");
        assertThat(view.path("state").stringValue()).isEqualTo("IN_TRANSIT");
        assertThat(view.path("courierConfirmed").asBoolean()).isTrue();
        assertThat(view.path("events").valueStream().map(e -> e.path("text").stringValue()))
                .containsExactly("快件已从【杭州转运中心】发出", "【杭州余杭揽投部】已揽收");
        assertThat(view.path("events").get(0).path("courierCode").stringValue()).isEqualTo("2");
        assertThat(view.path("events").get(0).path("via").stringValue()).isEqualTo("PUSH");
        assertThat(api.getJson("/api/v1/orders/" + p.orderId()).path("timeline").valueStream()
                .filter(t -> "TRACKING".equals(t.path("step").stringValue())).map(t -> t.path("message").stringValue()))
                .anySatisfy(msg -> assertThat(msg).contains("AWAITING_PICKUP → IN_TRANSIT"));
    }

    @Test
    void problemsShowAsExceptionsAndRulesAreTunedPerTenant() {
        Fixtures.Merchant m = fixtures.merchant("track-rules", Fixtures.Options.standard());
        Parcel p = shipOne(m);
        ApiClient api = api(m.token());
        Instant collected = Instant.now().minus(Duration.ofHours(5));
        push(p.number(), sim.kdniao().appKey(), List.of(line(collected, "已揽收", "1"),
                line(collected.plus(Duration.ofHours(4)), "收件人拒收,快件将退回寄件人", "404")), "404");
        JsonNode returned = api.getJson("/api/v1/tracking/exceptions?kind=RETURNED");
        assertThat(returned).singleElement().satisfies(e -> {
            assertThat(e.path("shipmentId").asLong()).isEqualTo(p.shipmentId());
            assertThat(e.path("parcelState").stringValue()).isEqualTo("RETURNING");
        });
        assertThat(api.getJson("/api/v1/tracking/exceptions?kind=stalled").size()).isZero();
        assertThat(api.get("/api/v1/tracking/exceptions?kind=LATE").status()).isEqualTo(400);

        JsonNode rules = api.getJson("/api/v1/tracking/rules");
        assertThat(rules.valueStream().map(r -> r.path("kind").stringValue())).containsExactly("NO_PICKUP", "STALLED", "PROBLEM",
                "RETURNED", "UNCONFIRMED_NUMBER", "INTERCEPT_FAILED");
        assertThat(rules.get(0).path("thresholdMinutes").asInt()).isEqualTo(1440);
        assertThat(api.put("/api/v1/tracking/rules/NO_PICKUP", "{\"enabled\":true,\"thresholdMinutes\":720}").status()).isEqualTo(200);
        assertThat(api.getJson("/api/v1/tracking/rules").get(0).path("thresholdMinutes").asInt()).isEqualTo(720);
        assertThat(api.put("/api/v1/tracking/rules/NO_PICKUP", "{\"enabled\":true,\"thresholdMinutes\":-5}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/tracking/rules/SOON", "{\"enabled\":true,\"thresholdMinutes\":5}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/tracking/rules/STALLED", "{}").status()).isEqualTo(400);
        // another tenant still has the default
        Fixtures.Merchant other = fixtures.merchant("track-rules-other", Fixtures.Options.standard());
        assertThat(api(other.token()).getJson("/api/v1/tracking/rules").get(0).path("thresholdMinutes").asInt()).isEqualTo(1440);
        assertThat(api(other.token()).getJson("/api/v1/tracking/exceptions").size()).isZero();
    }

    @Test
    void handEnteredNumbersMustLookRightAndGoOnlyOnOpenParcels() {
        Fixtures.Merchant m = fixtures.merchant("track-hand", Fixtures.Options.standard());
        Parcel p = shipOne(m);
        ApiClient api = api(m.token());
        String path = "/api/v1/shipments/" + p.shipmentId() + "/hand-entered-number";
        ApiClient.Response garbage = api.post(path, "{\"carrier\":\"ZTO\",\"trackingNumber\":\"12345\"}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().path("detail").stringValue()).contains("not a ZTO tracking number");
        assertThat(api.post(path, "{\"carrier\":\"EMS\",\"trackingNumber\":\"EA123456789CN\"}").status()).isEqualTo(400);
        assertThat(api.post(path, "{\"carrier\":\"POSTMAN\",\"trackingNumber\":\"73100000000001\"}").status()).isEqualTo(400);
        assertThat(api.post(path, "").status()).isEqualTo(400);
        ApiClient.Response taken = api.post(path, "{\"carrier\":\"ZTO\",\"trackingNumber\":\"73100000000009\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("detail").stringValue()).contains("only an open parcel");
        assertThat(api.post("/api/v1/shipments/999999999/hand-entered-number", "{\"carrier\":\"ZTO\",\"trackingNumber\":\"73100000000009\"}")
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/shipments/999999999/tracking").status()).isEqualTo(404);
    }

    @Test
    void aParcelWhoseOrderIsCancelledBeforeShippingIsNoLongerFollowed() {
        Fixtures.Merchant m = fixtures.merchant("track-cancelled", Fixtures.Options.standard());
        Parcel p = shipOne(m);
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                events.publishEvent(new OrderCancelled(m.tenantId(), p.orderId(), OrderStatus.WAYBILL_ISSUED)));
        JsonNode view = api(m.token()).getJson("/api/v1/shipments/" + p.shipmentId() + "/tracking");
        assertThat(view.path("intercept").stringValue()).isEqualTo("WITHDRAWN");
        assertThat(view.path("interceptDetail").stringValue()).contains("cancelled before shipping");
    }

    @Test
    void anSfRoutePushIsAnsweredAndABadOneRefused() {
        assertThat(JSON.readTree(sim().post("/webhooks/sf",
                "{\"Body\":{\"WaybillRoute\":[{\"mailno\":\"SF1234567890123\",\"acceptTime\":\"2026-05-06 10:11:26\",\"remark\":\"已揽件\",\"opCode\":\"50\"}]}}"))
                .path("return_code").stringValue()).isEqualTo("0000");
        assertThat(JSON.readTree(sim().post("/webhooks/sf", "{\"nothing\":1}")).path("return_code").stringValue()).isEqualTo("1000");
    }

    @Test
    void accountsShowWhatTheirCourierCanDoAndBalancesRaiseAlerts() {
        Fixtures.Merchant m = fixtures.merchant("track-balance", Fixtures.Options.standard());
        long jd = accounts.create(m.tenantId(), CourierProvider.KDNIAO, Carrier.JD, "京东 (快递鸟)", "http://127.0.0.1:" + port + "/sim/kdniao",
                Map.of("EBusinessID", sim.kdniao().eBusinessId(), "AppKey", sim.kdniao().appKey(), "CustomerName", "jd"), 1, false).id();
        accounts.create(m.tenantId(), new CourierAccounts.NewAccount(CourierProvider.SF, Carrier.SF, "顺丰", "http://127.0.0.1:" + port + "/sim/sf",
                Map.of("partnerID", sim.sf().partnerId(), "checkWord", sim.sf().checkWord()), 3, "7551234567", false));
        ApiClient api = api(m.token());
        JsonNode list = api.getJson("/api/v1/couriers/accounts");
        assertThat(list.valueStream().filter(a -> "KDNIAO".equals(a.path("provider").stringValue())))
                .allSatisfy(a -> assertThat(a.path("capabilities").toString()).contains("WAYBILL_BALANCE").doesNotContain("INTERCEPT"));
        assertThat(list.valueStream().filter(a -> "SF".equals(a.path("provider").stringValue())))
                .singleElement().satisfies(a -> assertThat(a.path("capabilities").toString()).contains("INTERCEPT").doesNotContain("WAYBILL_BALANCE"));

        try {
            sim().post("/sim/kdniao/_control/balance?shipperCode=JD&available=40", "");
            assertThat(api.put("/api/v1/couriers/accounts/" + jd + "/balance-alert", "{\"below\":100}").status()).isEqualTo(200);
            JsonNode balance = api.post("/api/v1/couriers/accounts/" + jd + "/balance/check", "").json();
            assertThat(balance.path("available").asInt()).isEqualTo(40);
            assertThat(api.getJson("/api/v1/couriers/balance-alerts")).singleElement().satisfies(a -> {
                assertThat(a.path("accountId").asLong()).isEqualTo(jd);
                assertThat(a.path("available").asInt()).isEqualTo(40);
                assertThat(a.path("threshold").asInt()).isEqualTo(100);
            });
            sim().post("/sim/kdniao/_control/balance?shipperCode=JD&available=5000", "");
            api.post("/api/v1/couriers/accounts/" + jd + "/balance/check", "");
            assertThat(api.getJson("/api/v1/couriers/balance-alerts").size()).isZero();
            assertThat(api.getJson("/api/v1/couriers/balance-alerts?open=false")).singleElement()
                    .satisfies(a -> assertThat(a.path("clearedAt").isNull()).isFalse());
            assertThat(api.put("/api/v1/couriers/accounts/" + jd + "/balance-alert", "{\"below\":-1}").status()).isEqualTo(400);
            long sf = list.valueStream().filter(a -> "SF".equals(a.path("provider").stringValue())).findFirst().orElseThrow().path("id").asLong();
            assertThat(api.post("/api/v1/couriers/accounts/" + sf + "/balance/check", "").status()).isEqualTo(409);
        } finally {
            sim().post("/sim/kdniao/_control/balance?shipperCode=JD&available=5000", "");
        }
    }
}
