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

/** Every way an order can stop short of shipping, and scan-to-ship, seen from the outside. */
class CancellationPathsTest extends IntegrationTest {

    @Test
    void cancelledBeforeItsWaybillReleasesTheReservedStock() {
        Fixtures.Merchant m = fixtures.merchant("cancel-before-waybill", Fixtures.Options.standard().withKdniaoAppKey("wrong"));
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("FH-MUG-350"))).get(0);
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> reserved(api, "FH-MUG-350") > 0);
        sim().cancel(douyinId);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(onlyOrder(api).path("status").stringValue()));
        await().atMost(Duration.ofSeconds(10)).until(() -> reserved(api, "FH-MUG-350") == 0);
        JsonNode detail = api.getJson("/api/v1/orders/" + onlyOrder(api).path("id").asLong());
        assertThat(detail.path("shipments").get(0).path("trackingNumber").isMissingNode()).isTrue();
    }

    @Test
    void cancelledAfterItsWaybillCancelsTheWaybillVoidsTheLabelAndReleasesStock() {
        Fixtures.Merchant m = fixtures.merchant("cancel-after-waybill", Fixtures.Options.standard().withoutAutoShip());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("FH-SOCK-3P"))).get(0);
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders").path("total").asInt() == 1);
        long orderId = onlyOrder(api).path("id").asLong();
        api.post("/api/v1/batches", "{\"action\":\"issue-waybill\",\"orderIds\":[" + orderId + "]}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "WAYBILL_ISSUED".equals(onlyOrder(api).path("status").stringValue()));
        String tracking = onlyOrder(api).path("trackingNumber").stringValue();
        long shipmentId = api.getJson("/api/v1/orders/" + orderId).path("shipments").get(0).path("id").asLong();
        assertThat(reserved(api, "FH-SOCK-3P")).isPositive();

        sim().cancel(douyinId);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "CANCELLED".equals(api.getJson("/api/v1/orders/" + orderId).path("shipments").get(0).path("status").stringValue()));
        assertThat(onlyOrder(api).path("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(sim().waybills().stream().filter(w -> tracking.equals(w.get("logisticCode"))))
                .singleElement().satisfies(w -> assertThat(w.get("cancelled")).isEqualTo(true));
        ApiClient.Response label = api.get("/api/v1/shipments/" + shipmentId + "/label");
        assertThat(label.status()).isEqualTo(409);
        assertThat(label.json().path("detail").stringValue()).contains("void");
        assertThat(reserved(api, "FH-SOCK-3P")).isZero();
        assertThat(api.getJson("/api/v1/orders/" + orderId).path("timeline").valueStream().map(t -> t.path("step").stringValue()))
                .contains("PLATFORM", "CANCEL");
        assertThat(sim().ledger().stream().filter(w -> douyinId.equals(w.get("orderId")))).isEmpty();
    }

    @Test
    void scanToShipShipsAKnownParcelOnceAndRefusesUnknownNumbers() {
        Fixtures.Merchant m = fixtures.merchant("scan-to-ship", Fixtures.Options.standard().withoutAutoShip());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders").path("total").asInt() == 1);
        long orderId = onlyOrder(api).path("id").asLong();
        api.post("/api/v1/batches", "{\"action\":\"issue-waybill\",\"orderIds\":[" + orderId + "]}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "WAYBILL_ISSUED".equals(onlyOrder(api).path("status").stringValue()));
        String tracking = onlyOrder(api).path("trackingNumber").stringValue();

        ApiClient.Response shipped = api.post("/api/v1/scan-to-ship", "{\"trackingNumber\":\" " + tracking + " \"}");
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);
        assertThat(shipped.json().path("status").stringValue()).isEqualTo("SHIPPED");
        assertThat(sim().douyinOrder(douyinId).get("order_status")).isEqualTo(3);

        assertThat(api.post("/api/v1/scan-to-ship", "{\"trackingNumber\":\"" + tracking + "\"}").status()).isEqualTo(409);
        ApiClient.Response unknown = api.post("/api/v1/scan-to-ship", "{\"trackingNumber\":\"73999999999999\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/scan-to-ship", "{}").status()).isEqualTo(400);
    }

    private static JsonNode onlyOrder(ApiClient api) {
        return api.getJson("/api/v1/orders").path("items").get(0);
    }

    private static int reserved(ApiClient api, String sku) {
        return api.getJson("/api/v1/stock?sku=" + sku).valueStream().mapToInt(l -> l.path("reserved").asInt()).sum();
    }
}
