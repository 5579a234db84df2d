package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.platforms.doudian.DoudianClient;
import io.fahuo.platforms.doudian.DoudianJson;
import io.fahuo.platforms.doudian.DoudianSettings;
import io.fahuo.simulator.SimProperties;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Douyin shows another number than the one a shipped order's parcel carries: the correction puts ours back with
 * order.logisticsEdit, once; an order that did not ship is refused.
 */
class ShippingCorrectionTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SimProperties props;

    /** A call to the simulated platform as another of the shop's tools would make it (its own token). */
    private JsonNode douyin(String shopId, String method, Map<String, ?> params) {
        DoudianClient client = new DoudianClient(HttpClient.newHttpClient(), DoudianSettings.of(Duration.ofSeconds(5), 100, 50000),
                Clock.systemUTC());
        String base = "http://127.0.0.1:" + port + "/sim/doudian";
        String token = DoudianJson.parse(client.post(new DoudianClient.Call(base, props.doudian().appKey(), props.doudian().appSecret(),
                "token.create", null), Map.of("code", "", "grant_type", "authorization_self", "shop_id", shopId)))
                .path("data").path("access_token").stringValue();
        return DoudianJson.parse(client.post(new DoudianClient.Call(base, props.doudian().appKey(), props.doudian().appSecret(), method,
                token), params));
    }

    private List<Map<String, Object>> edits(String douyinOrderId) {
        List<Map<String, Object>> all = JSON.readValue(sim().get("/sim/doudian/_control/logistics-edits"), new TypeReference<>() { });
        return all.stream().filter(e -> douyinOrderId.equals(e.get("orderId"))).toList();
    }

    @Test
    void putsTheParcelsNumberBackOnDouyinOnce() {
        Fixtures.Merchant m = fixtures.merchant("correction", Fixtures.Options.standard());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.getJson("/api/v1/orders?status=SHIPPED&size=5").path("total").asInt()).isEqualTo(1));
        JsonNode order = api.getJson("/api/v1/orders?size=5").path("items").get(0);
        String ours = order.path("trackingNumber").stringValue();

        JsonNode changed = douyin(m.platformShopId(), "order.logisticsEdit",
                Map.of("order_id", douyinId, "company_code", "zhongtong", "logistics_code", "73999999999999"));
        assertThat(changed.path("code").asInt()).isEqualTo(10000);

        ApiClient.Response corrected = api.post("/api/v1/orders/" + order.path("id").asLong() + "/shipping-correction", "");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().path("trackingNumber").stringValue()).isEqualTo(ours);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) sim().douyinOrder(douyinId).get("logistics_info");
        assertThat(shown).singleElement().satisfies(l -> assertThat(l.get("tracking_no")).isEqualTo(ours));
        assertThat(edits(douyinId)).extracting(e -> e.get("newTrackNo")).containsExactly("73999999999999", ours);

        assertThat(api.post("/api/v1/orders/" + order.path("id").asLong() + "/shipping-correction", "").status()).isEqualTo(200);
        assertThat(edits(douyinId)).as("Douyin already shows our number: nothing is sent again").hasSize(2);
        assertThat(api.getJson("/api/v1/orders/" + order.path("id").asLong()).path("timeline").valueStream()
                .map(t -> t.path("message").stringValue())).anySatisfy(msg -> assertThat(msg).contains("(corrected)"));
    }

    @Test
    void anOrderThatDidNotShipIsRefused() {
        Fixtures.Merchant m = fixtures.merchant("correction-unshipped", Fixtures.Options.standard().withoutAutoShip());
        sim().createOrders(m.platformShopId(), 1, Map.of());
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.getJson("/api/v1/orders?size=5").path("total").asInt()).isEqualTo(1));
        long id = api.getJson("/api/v1/orders?size=5").path("items").get(0).path("id").asLong();
        ApiClient.Response refused = api.post("/api/v1/orders/" + id + "/shipping-correction", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text()).contains("only a shipped order");
        assertThat(api.post("/api/v1/orders/99999999/shipping-correction", "").status()).isEqualTo(404);
    }
}
