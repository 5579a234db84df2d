package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Orders that cannot ship get a clear reason on the order and no waybill; nothing is half-done. */
class PipelineBadInputTest extends IntegrationTest {

    @Test
    void anOrderWithAnUnknownSkuIsHeldWithItsReason() {
        Fixtures.Merchant m = fixtures.merchant("unknown-sku", Fixtures.Options.standard());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("NOT-MAPPED-9"))).get(0);
        ApiClient api = api(m.token());
        JsonNode order = awaitOrder(api, o -> "ON_HOLD".equals(o.path("status").stringValue()));
        assertThat(order.path("holdReason").stringValue()).contains("unknown SKU").contains("NOT-MAPPED-9");
        assertThat(order.path("trackingNumber").isMissingNode() || order.path("trackingNumber").isNull()).isTrue();
        assertThat(sim().douyinOrder(douyinId).get("order_status")).isEqualTo(2);
    }

    @Test
    void noSenderProfileMeansNoWaybillAndAVisibleRetriedError() {
        Fixtures.Merchant m = fixtures.merchant("no-sender", Fixtures.Options.standard().withoutSenderProfile());
        sim().createOrders(m.platformShopId(), 1, Map.of());
        ApiClient api = api(m.token());
        JsonNode order = awaitOrder(api, o -> o.path("lastError").stringValue("").contains("sender real-name profile"));
        assertThat(order.path("status").stringValue()).isEqualTo("PENDING");
        long id = order.path("id").asLong();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode detail = api.getJson("/api/v1/orders/" + id);
            assertThat(detail.path("timeline").valueStream()
                    .filter(t -> "ERROR".equals(t.path("outcome").stringValue()))
                    .mapToInt(t -> t.path("attempt").asInt()).max().orElse(0)).isGreaterThanOrEqualTo(2);
            assertThat(detail.path("shipments").size()).isZero();
        });
    }

    @Test
    void aCourierRefusalIsAStepErrorThatIsRetried() {
        Fixtures.Merchant m = fixtures.merchant("bad-courier-key", Fixtures.Options.standard().withKdniaoAppKey("wrong-app-key"));
        sim().createOrders(m.platformShopId(), 1, Map.of());
        ApiClient api = api(m.token());
        JsonNode order = awaitOrder(api, o -> o.path("lastError").stringValue("").contains("Kdniao 1007 refused"));
        assertThat(order.path("status").stringValue()).isEqualTo("PENDING");
        long id = order.path("id").asLong();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode detail = api.getJson("/api/v1/orders/" + id);
            assertThat(detail.path("timeline").valueStream()
                    .filter(t -> "WAYBILL".equals(t.path("step").stringValue()) && "ERROR".equals(t.path("outcome").stringValue())))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(t -> assertThat(t.path("message").stringValue()).contains("104"));
            // the stock stays reserved for the order while it waits, and no waybill exists
            assertThat(detail.path("shipments").get(0).path("trackingNumber").isNull()
                    || detail.path("shipments").get(0).path("trackingNumber").isMissingNode()).isTrue();
        });
    }

    @Test
    void anOrderCancelledBeforeShippingIsNotShippedAndReleasesItsStock() {
        Fixtures.Merchant m = fixtures.merchant("cancelled", Fixtures.Options.standard().withoutSenderProfile());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        ApiClient api = api(m.token());
        awaitOrder(api, o -> "PENDING".equals(o.path("status").stringValue()));
        sim().cancel(douyinId);
        awaitOrder(api, o -> "CANCELLED".equals(o.path("status").stringValue()));
        assertThat(sim().ledger().stream().filter(w -> douyinId.equals(w.get("orderId")))).isEmpty();
    }

    private JsonNode awaitOrder(ApiClient api, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode items = api.getJson("/api/v1/orders?size=10").path("items");
            for (JsonNode item : items) {
                if (condition.test(item)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
