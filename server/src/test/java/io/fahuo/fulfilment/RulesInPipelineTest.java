package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.inventory.Stock;
import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.MovementReason;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.inventory.domain.WarehouseKind;
import io.fahuo.shared.Carrier;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import io.fahuo.support.LabelDecoder;
import tools.jackson.databind.JsonNode;

/** The merchant's rules at work on real orders: holds, split across warehouses, bundles, carrier rules and their dry run. */
class RulesInPipelineTest extends IntegrationTest {

    @Autowired
    Warehouses warehouses;
    @Autowired
    Stock stock;
    @Autowired
    CourierAccounts accounts;

    @Test
    void anOrderNoSingleWarehouseCanServeIsSplitIntoTwoParcelsAndWrittenBackAsMultiPack() {
        Fixtures.Merchant m = fixtures.merchant("split", Fixtures.Options.standard());
        long guangzhou = warehouses.create(m.tenantId(), "GZ-1", "广州仓", WarehouseKind.THIRD_PARTY,
                new SenderProfile("广州仓", "02088886666", null, "广东省", "广州市", "白云区", "太和镇1号", null)).id();
        stock.setOnHand(m.tenantId(), m.warehouseId(), "FH-MUG-350", 0, MovementReason.ADJUST, "test");
        stock.setOnHand(m.tenantId(), guangzhou, "FH-MUG-350", 10, MovementReason.IMPORT, "test");
        ApiClient api = api(m.token());
        assertThat(api.post("/api/v1/settings/fulfilment", "").status()).isEqualTo(405);
        put(api, "/api/v1/settings/fulfilment", "{\"allowSplit\":true,\"atRiskHours\":6}");

        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("FH-TEE-WHT-M", "FH-MUG-350"),
                "province", "浙江")).get(0);
        JsonNode order = awaitOnlyOrder(api, "SHIPPED");
        JsonNode detail = api.getJson("/api/v1/orders/" + order.path("id").asLong());
        assertThat(detail.path("shipments")).hasSize(2);
        assertThat(detail.path("timeline").valueStream().map(t -> t.path("message").stringValue()))
                .anySatisfy(msg -> assertThat(msg).contains("split across"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> logistics = (List<Map<String, Object>>) sim().douyinOrder(douyinId).get("logistics_info");
        assertThat(logistics).extracting(l -> l.get("tracking_no")).containsExactlyInAnyOrderElementsOf(
                detail.path("shipments").valueStream().map(s -> s.path("trackingNumber").stringValue()).toList());
        for (JsonNode parcel : detail.path("shipments")) {
            byte[] pdf = api.get("/api/v1/shipments/" + parcel.path("id").asLong() + "/label").body();
            assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf, 0, 203))).contains("CODE_128:" + parcel.path("trackingNumber").stringValue());
        }
        int mugs = detail.path("lines").valueStream().filter(l -> "FH-MUG-350".equals(l.path("skuCode").stringValue()))
                .mapToInt(l -> l.path("quantity").asInt()).sum();
        assertThat(stock.levels(m.tenantId(), "FH-MUG-350")).anySatisfy(l -> {
            assertThat(l.warehouseId()).isEqualTo(guangzhou);
            assertThat(l.onHand()).isEqualTo(10 - mugs);
        });
    }

    @Test
    void holdRulesStopOrdersUntilReleasedAndBundlesShipAsTheirComponents() {
        Fixtures.Merchant m = fixtures.merchant("holds-bundles", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        ApiClient.Response rule = api.post("/api/v1/rules/holds", "{\"kind\":\"BUYER_REMARK\",\"value\":\"发票\"}");
        assertThat(rule.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/rules/holds", "{\"kind\":\"AMOUNT_OVER\",\"value\":\"lots\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/rules/holds", "{\"kind\":\"MOON_PHASE\"}").status()).isEqualTo(400);
        put(api, "/api/v1/bundles/FH-COMBO-TEE2", "{\"components\":{\"FH-TEE-BLK-L\":2}}");

        sim().createOrders(m.platformShopId(), 1, Map.of("buyerWords", "麻烦开发票", "skuCodes", List.of("FH-COMBO-TEE2")));
        JsonNode held = awaitOnlyOrder(api, "ON_HOLD");
        assertThat(held.path("holdReason").stringValue()).contains("buyer remark").contains("发票");

        assertThat(api.post("/api/v1/orders/" + held.path("id").asLong() + "/release", "").status()).isEqualTo(200);
        JsonNode shipped = awaitOnlyOrder(api, "SHIPPED");
        int bundles = api.getJson("/api/v1/orders/" + shipped.path("id").asLong()).path("lines").get(0).path("quantity").asInt();
        assertThat(stock.levels(m.tenantId(), "FH-TEE-BLK-L").get(0).onHand()).isEqualTo(1000 - 2 * bundles);
    }

    @Test
    void carrierRulesPickTheCourierExplainWhyAndCanBeDryRun() {
        Fixtures.Merchant m = fixtures.merchant("carrier-rules", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        long ems = accounts.create(m.tenantId(), CourierProvider.KDNIAO, Carrier.EMS, "EMS 偏远", "http://127.0.0.1:" + port + "/sim/kdniao",
                Map.of("EBusinessID", "1237100", "AppKey", "demo-kdniao-appkey-0c2f", "CustomerName", "c", "CustomerPwd", "p"), 3, false).id();
        ApiClient.Response created = api.post("/api/v1/rules/carriers",
                "{\"name\":\"偏远地区走EMS\",\"remoteOnly\":true,\"courierAccountId\":" + ems + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/rules/carriers", "{\"name\":\"x\",\"courierAccountId\":987654321}").status()).isEqualTo(404);

        sim().createOrders(m.platformShopId(), 1, Map.of("province", "新疆"));
        JsonNode order = awaitOnlyOrder(api, "SHIPPED");
        assertThat(order.path("carrier").stringValue()).isEqualTo("EMS");
        assertThat(order.path("trackingNumber").stringValue()).matches("^[981]\\d{12}$");
        JsonNode detail = api.getJson("/api/v1/orders/" + order.path("id").asLong());
        assertThat(detail.path("carrierReason").stringValue()).contains("偏远地区走EMS").contains("remote");

        // remove the rule: a dry run shows the order would now go with the default account
        long ruleId = api.getJson("/api/v1/rules/carriers").get(0).path("id").asLong();
        assertThat(api.delete("/api/v1/rules/carriers/" + ruleId).status()).isEqualTo(204);
        JsonNode verdicts = api.post("/api/v1/rules/carriers/dry-run", "{}").json();
        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.path("actualCarrier").stringValue()).isEqualTo("EMS");
            assertThat(v.path("wouldUseCarrier").stringValue()).isEqualTo("ZTO");
            assertThat(v.path("changes").asBoolean()).isTrue();
            assertThat(v.path("explanation").stringValue()).contains("default account");
        });
    }

    private void put(ApiClient api, String path, String json) {
        ApiClient.Response r = api.put(path, json);
        assertThat(r.status()).as(path + ": " + r.text()).isBetween(200, 204);
    }

    private static JsonNode awaitOnlyOrder(ApiClient api, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode items = api.getJson("/api/v1/orders").path("items");
            return items.size() == 1 && status.equals(items.get(0).path("status").stringValue());
        });
        return api.getJson("/api/v1/orders").path("items").get(0);
    }
}
