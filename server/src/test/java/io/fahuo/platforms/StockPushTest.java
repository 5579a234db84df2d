package io.fahuo.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.inventory.Stock;
import io.fahuo.inventory.domain.MovementReason;
import io.fahuo.simulator.DemoCatalog;
import io.fahuo.support.ApiClient;
import io.fahuo.support.DoudianTap;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stock reaches the simulated Douyin shop after it changes: available minus the safety buffer (never below 0),
 * one call per burst per SKU; in incremental mode only stock takes, imports and returns travel, each once.
 */
class StockPushTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MUG = "FH-MUG-350";

    @Autowired
    Stock stock;

    @Autowired
    Shops shops;

    private long douyinStock(String shopId, String code) {
        return JSON.readTree(sim().get("/sim/doudian/_control/stock/" + shopId + "/" + code)).path("stock").asLong();
    }

    private List<Map<String, Object>> calls(String shopId, String code) {
        List<Map<String, Object>> all = JSON.readValue(sim().get("/sim/doudian/_control/stock-calls?shopId=" + shopId), new TypeReference<>() { });
        return all.stream().filter(c -> code.equals(c.get("code"))).toList();
    }

    @Test
    void pushesAvailableMinusTheBufferOncePerBurstThenOnlyExternalChangesIncrementally() {
        Fixtures.Merchant m = fixtures.merchant("stock-push", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        String shop = m.platformShopId();

        ApiClient.Response on = api.put("/api/v1/shops/" + m.shopId() + "/stock-push", "{\"enabled\":true,\"safetyBuffer\":10}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().path("safetyBuffer").asInt()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (DemoCatalog.Product p : DemoCatalog.PRODUCTS) {
                assertThat(douyinStock(shop, p.code())).as(p.code()).isEqualTo(1000 - 10);
            }
        });

        // a burst of five stock takes is one call with the last number
        for (int onHand : List.of(500, 400, 300, 200, 100)) {
            stock.setOnHand(m.tenantId(), m.warehouseId(), MUG, onHand, MovementReason.ADJUST, "count");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(douyinStock(shop, MUG)).isEqualTo(90));
        assertThat(calls(shop, MUG)).extracting(c -> c.get("stockNum")).containsExactly(990, 90);
        assertThat(calls(shop, MUG)).allSatisfy(c -> assertThat(c.get("incremental")).isEqualTo(false));

        // a buffer above the stock pushes 0, never less
        api.put("/api/v1/shops/" + m.shopId() + "/stock-push", "{\"enabled\":true,\"safetyBuffer\":5000}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(douyinStock(shop, MUG)).isZero());

        // incremental: one absolute baseline, then a stock take travels as a delta with an idempotent id
        api.put("/api/v1/shops/" + m.shopId() + "/stock-push", "{\"enabled\":true,\"incremental\":true}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(douyinStock(shop, MUG)).isEqualTo(100));
        stock.setOnHand(m.tenantId(), m.warehouseId(), MUG, 150, MovementReason.ADJUST, "found a box");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(douyinStock(shop, MUG)).isEqualTo(150));

        // an order's reservation and shipping are the platform's own sale: not pushed again; the next stock take is
        sim().createOrders(shop, 1, Map.of("skuCodes", List.of(MUG)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.getJson("/api/v1/orders?status=SHIPPED&size=5").path("total").asInt()).isEqualTo(1));
        int sold = 150 - stock.levels(m.tenantId(), MUG).get(0).onHand();
        assertThat(sold).isPositive();
        assertThat(douyinStock(shop, MUG)).as("Douyin deducted its sale itself").isEqualTo(150 - sold);
        stock.setOnHand(m.tenantId(), m.warehouseId(), MUG, 155, MovementReason.ADJUST, "count");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(douyinStock(shop, MUG)).isEqualTo(155));
        List<Map<String, Object>> incremental = calls(shop, MUG).stream().filter(c -> Boolean.TRUE.equals(c.get("incremental"))).toList();
        assertThat(incremental).as("the stock take counts from the shipped stock; the sale itself never travels")
                .extracting(c -> c.get("stockNum")).containsExactly(50, 5 + sold);
        assertThat(incremental).extracting(c -> c.get("idempotentId")).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotNull());

        assertThat(api.getJson("/api/v1/shops/" + m.shopId() + "/stock-push").path("skus")).anySatisfy(s -> {
            assertThat(s.path("skuCode").stringValue()).isEqualTo(MUG);
            // incremental: the baseline plus every increment pushed; the platform's own sale is not in it
            assertThat(s.path("lastPushed").asInt()).isEqualTo(155 + sold);
            assertThat(s.path("pushCount").asInt()).isEqualTo(calls(shop, MUG).size());
            assertThat(s.path("lastError").stringValue(null)).as(s.toString()).isNull();
        });
    }

    @Test
    void badSettingsAreRefused() {
        Fixtures.Merchant m = fixtures.merchant("stock-push-bad", Fixtures.Options.standard().withoutAutoShip());
        ApiClient api = api(m.token());
        assertThat(api.put("/api/v1/shops/" + m.shopId() + "/stock-push", "{\"enabled\":true,\"safetyBuffer\":-1}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/shops/" + m.shopId() + "/stock-push", "{}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/shops/99999999/stock-push", "{\"enabled\":true}").status()).isEqualTo(404);
        assertThat(api.getJson("/api/v1/shops/" + m.shopId() + "/stock-push").path("setting").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void whenCallsFailOrTheirAnswersGetLostEveryStockTakeArrivesExactlyOnce() {
        Fixtures.Merchant m = fixtures.merchant("stock-push-chaos", Fixtures.Options.standard().withoutAutoShip());
        ApiClient api = api(m.token());
        String shop = m.platformShopId();
        String sock = "FH-SOCK-3P";
        try (DoudianTap tap = new DoudianTap("http://127.0.0.1:" + port + "/sim/doudian")) {
            shops.updateApiBaseUrl(m.tenantId(), m.shopId(), tap.baseUrl());
            api.put("/api/v1/shops/" + m.shopId() + "/stock-push", "{\"enabled\":true,\"incremental\":true}");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(douyinStock(shop, sock)).isEqualTo(1000));
            List<Integer> changes = List.of(7, -3, 12, -20, 5, 9, -1, 2);
            try {
                // refused before the work (20000) and, worse, done but the answer lost (20001)
                sim().douyinChaos(0, 0.3, 0, 0, 0.4);
                int onHand = 1000;
                for (int change : changes) {
                    onHand += change;
                    stock.setOnHand(m.tenantId(), m.warehouseId(), sock, onHand, MovementReason.ADJUST, "count");
                    int expected = onHand;
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(douyinStock(shop, sock)).isEqualTo(expected));
                }
            } finally {
                sim().douyinKnobs(0, 0, 0);
            }
            int total = 1000 + changes.stream().mapToInt(Integer::intValue).sum();
            // the platform may show a change before Fahuo heard back: wait until Fahuo has nothing left to send
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.getJson("/api/v1/shops/" + m.shopId() + "/stock-push")
                    .path("skus")).anySatisfy(x -> {
                        assertThat(x.path("skuCode").stringValue()).isEqualTo(sock);
                        assertThat(x.path("lastPushed").asInt()).isEqualTo(total);
                        assertThat(x.path("dueAt").stringValue(null)).isNull();
                    }));
            List<DoudianTap.Call> attempts = tap.calls("sku.syncStock");
            assertThat(attempts).as("the simulator failed some calls")
                    .anySatisfy(c -> assertThat(c.answer()).containsAnyOf("\"code\":20000", "\"code\":20001"));
            long lostReplies = attempts.stream().filter(c -> c.answer().contains("\"code\":20001")).count();
            long replays = calls(shop, sock).stream().filter(c -> String.valueOf(c.get("refusal")).contains("幂等ID已存在")).count();
            List<Map<String, Object>> accepted = calls(shop, sock).stream()
                    .filter(c -> Boolean.TRUE.equals(c.get("incremental")) && Boolean.TRUE.equals(c.get("accepted"))).toList();
            assertThat(accepted).extracting(c -> c.get("stockNum")).containsExactlyElementsOf(changes.stream().map(c -> (Object) c).toList());
            assertThat(accepted).extracting(c -> c.get("idempotentId")).doesNotHaveDuplicates();
            assertThat(douyinStock(shop, sock)).isEqualTo(total);
            if (lostReplies > 0) {
                // a lost answer is followed by the same id again, which the platform refuses as used; every replay follows
                // a lost answer, but under the scheduler's timing not every lost answer is seen replayed (what matters,
                // each change applied exactly once, is asserted above)
                assertThat(replays).as("pushes whose answer was lost were sent again with their ids").isPositive().isLessThanOrEqualTo(lostReplies);
            }
        }
    }
}
