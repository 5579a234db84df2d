package io.fahuo.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.fahuo.support.ApiClient;
import io.fahuo.support.DoudianTap;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop whose carrier rule picks a Douyin e-waybill account: its orders ship with waybills Douyin issued
 * (through the shop's own tokens, the receiver passed as Douyin's ciphertext and never decrypted), the
 * balance comes from the shop's netsite, and the print component gets Douyin's print data.
 */
class DouyinWaybillEndToEndTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Shops shops;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aShopsRuleSendsItsOrdersThroughDouyinWaybills() {
        Fixtures.Merchant m = fixtures.merchant("dy-waybill", Fixtures.Options.standard());
        try (DoudianTap tap = new DoudianTap("http://127.0.0.1:" + port + "/sim/doudian")) {
            shops.updateApiBaseUrl(m.tenantId(), m.shopId(), tap.baseUrl());
            ApiClient api = api(m.token());

            ApiClient.Response created = api.post("/api/v1/shops/" + m.shopId() + "/waybill-accounts", "{\"carrier\":\"ZTO\",\"netsiteCode\":\"ZHONGTONG-571001\"}");
            assertThat(created.status()).isEqualTo(201);
            long douyinAccount = created.json().path("id").asLong();
            assertThat(created.json().path("provider").stringValue()).isEqualTo("DOUYIN");
            assertThat(api.post("/api/v1/rules/carriers", "{\"name\":\"抖店订单用抖音面单\",\"shopId\":" + m.shopId()
                    + ",\"courierAccountId\":" + douyinAccount + "}").status()).isEqualTo(201);

            List<String> douyinIds = sim().createOrders(m.platformShopId(), 3, Map.of());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(api.getJson("/api/v1/orders?status=SHIPPED&size=50").path("total").asInt()).isEqualTo(3));

            List<Map<String, Object>> douyinWaybills = JSON.readValue(sim().get("/sim/doudian/_control/waybills?shopId=" + m.platformShopId()),
                    new TypeReference<>() { });
            assertThat(douyinWaybills).hasSize(3);
            List<String> kdniaoNumbers = sim().waybills().stream().map(w -> (String) w.get("logisticCode")).toList();
            List<Long> shipmentIds = new java.util.ArrayList<>();
            for (JsonNode item : api.getJson("/api/v1/orders?size=50").path("items")) {
                String tracking = item.path("trackingNumber").stringValue();
                String douyinId = item.path("platformOrderId").stringValue();
                assertThat(douyinWaybills).anySatisfy(w -> {
                    assertThat(w.get("trackNo")).isEqualTo(tracking);
                    assertThat(w.get("orderId")).isEqualTo(douyinId);
                    assertThat(w.get("company")).isEqualTo("zhongtong");
                    assertThat(w.get("netsiteCode")).isEqualTo("ZHONGTONG-571001");
                });
                assertThat(kdniaoNumbers).doesNotContain(tracking);
                assertThat(sim().ledger()).anySatisfy(wb -> {
                    assertThat(wb.get("trackingNo")).isEqualTo(tracking);
                    assertThat(wb.get("accepted")).isEqualTo(true);
                });
                JsonNode detail = api.getJson("/api/v1/orders/" + item.path("id").asLong());
                assertThat(detail.path("carrierReason").stringValue()).contains("抖店订单用抖音面单");
                shipmentIds.add(detail.path("shipments").get(0).path("id").asLong());
            }
            assertThat(douyinIds).hasSize(3);

            // the receiver went to Douyin as its own ciphertext; Fahuo asked Douyin to decrypt nothing
            assertThat(tap.methods()).contains("logistics.newCreateOrder").doesNotContain("order.batchDecrypt");
            assertThat(tap.calls("logistics.newCreateOrder")).allSatisfy(c -> assertThat(c.body()).contains("\"name\":\"#NHrf#"));
            assertThat(jdbc.sql("select count(*) from pii_access_log where tenant_id = ? and purpose = 'WAYBILL'")
                    .param(m.tenantId()).query(Integer.class).single()).isEqualTo(3);

            // 面单余额 from the shop's netsite, one number taken per waybill
            JsonNode balance = api.post("/api/v1/couriers/accounts/" + douyinAccount + "/balance/check", "").json();
            assertThat(balance.path("available").asInt()).isEqualTo(10_000 - 3);
            assertThat(balance.path("total").asInt()).isEqualTo(10_000);

            // Douyin's print component gets the platform's print data for these waybills
            JsonNode tasks = api.post("/api/v1/print-component-tasks", "{\"shipmentIds\":" + shipmentIds + "}").json();
            assertThat(tasks.path("skipped")).isEmpty();
            assertThat(tasks.path("tasks")).singleElement().satisfies(t -> {
                assertThat(t.path("component").stringValue()).isEqualTo("DOUYIN");
                assertThat(t.path("websocketUrl").stringValue()).isEqualTo("ws://localhost:13888");
                JsonNode documents = t.path("message").path("task").path("documents");
                assertThat(documents).hasSize(3);
                JsonNode content = documents.get(0).path("contents").get(0);
                assertThat(content.path("encryptedData").stringValue()).isNotBlank();
                assertThat(content.path("signature").stringValue()).hasSize(32);
                assertThat(content.path("templateURL").stringValue()).startsWith("https://");
            });
            assertThat(tap.methods()).contains("logistics.waybillApply", "logistics.listShopNetsite");
        }
    }

    @Test
    void onlyADouyinShopGetsDouyinWaybills() {
        Fixtures.Merchant m = fixtures.merchant("dy-waybill-bad", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        ApiClient.Response unknownCarrier = api.post("/api/v1/shops/" + m.shopId() + "/waybill-accounts", "{\"carrier\":\"DHL\"}");
        assertThat(unknownCarrier.status()).isEqualTo(400);
        assertThat(unknownCarrier.text()).contains("unknown carrier 'DHL'");
        assertThat(api.post("/api/v1/shops/" + m.shopId() + "/waybill-accounts", "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/shops/99999999/waybill-accounts", "{\"carrier\":\"ZTO\"}").status()).isEqualTo(404);
        ApiClient.Response ups = api.post("/api/v1/shops/" + m.shopId() + "/waybill-accounts", "{\"carrier\":\"UPS\"}");
        assertThat(ups.status()).isEqualTo(400);
        assertThat(ups.text()).contains("does not ship UPS");
    }

    @Test
    void anOrderCancelledAfterItsDouyinWaybillGivesTheNumberBackToTheNetsite() {
        Fixtures.Merchant m = fixtures.merchant("dy-waybill-cancel", Fixtures.Options.standard().withoutAutoShip());
        ApiClient api = api(m.token());
        long douyinAccount = api.post("/api/v1/shops/" + m.shopId() + "/waybill-accounts", "{\"carrier\":\"YTO\",\"isDefault\":true}")
                .json().path("id").asLong();
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders").path("total").asInt() == 1);
        long orderId = api.getJson("/api/v1/orders").path("items").get(0).path("id").asLong();
        api.post("/api/v1/batches", "{\"action\":\"issue-waybill\",\"orderIds\":[" + orderId + "]}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "WAYBILL_ISSUED".equals(api.getJson("/api/v1/orders/" + orderId).path("status").stringValue()));
        String tracking = api.getJson("/api/v1/orders/" + orderId).path("shipments").get(0).path("trackingNumber").stringValue();
        assertThat(tracking).startsWith("YT");
        assertThat(api.post("/api/v1/couriers/accounts/" + douyinAccount + "/balance/check", "").json().path("available").asInt())
                .isEqualTo(10_000 - 1);

        sim().cancel(douyinId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "CANCELLED".equals(api.getJson("/api/v1/orders/" + orderId).path("shipments").get(0).path("status").stringValue()));
        List<Map<String, Object>> waybills = JSON.readValue(sim().get("/sim/doudian/_control/waybills?shopId=" + m.platformShopId()),
                new TypeReference<>() { });
        assertThat(waybills).singleElement().satisfies(w -> {
            assertThat(w.get("trackNo")).isEqualTo(tracking);
            assertThat(w.get("cancelledAt")).isNotNull();
        });
        assertThat(api.post("/api/v1/couriers/accounts/" + douyinAccount + "/balance/check", "").json().path("available").asInt())
                .isEqualTo(10_000);
    }
}
