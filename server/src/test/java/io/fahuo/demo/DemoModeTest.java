package io.fahuo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.fahuo.support.ApiClient;
import io.fahuo.support.LabelDecoder;
import io.fahuo.support.SimControl;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.platforms.Shops;
import io.fahuo.tenancy.Tenants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person sees after the README's run command: the demo's own settings (embedded H2 file, initial
 * orders, the steady trickle), nothing configured by hand. Always on H2, the fresh-machine default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fahuo.data-dir=target/demo-mode-data",
        "spring.datasource.url=jdbc:h2:file:./target/demo-mode-data/fahuo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "spring.datasource.username=sa"})
@DirtiesContext
class DemoModeTest {

    static {
        io.fahuo.support.IntegrationTest.deleteRecursively(Path.of("target/demo-mode-data"));
    }

    @LocalServerPort
    int port;

    @Test
    void demoOrdersShipWithinNinetySeconds() throws Exception {
        String token = Files.readString(Path.of("target/demo-mode-data/demo-api-token")).strip();
        ApiClient api = new ApiClient(port, token);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.getJson("/api/v1/orders?status=SHIPPED&size=1").path("total").asInt() >= 12);

        SimControl sim = new SimControl(port);
        JsonNode shipped = api.getJson("/api/v1/orders?status=SHIPPED&size=12").path("items");
        for (JsonNode order : shipped) {
            String tracking = order.path("trackingNumber").stringValue();
            assertThat(tracking).isNotBlank();
            Map<String, Object> onDouyin = sim.douyinOrder(order.path("platformOrderId").stringValue());
            assertThat(onDouyin.get("order_status")).isEqualTo(3);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> logistics = (List<Map<String, Object>>) onDouyin.get("logistics_info");
            assertThat(logistics).extracting(l -> l.get("tracking_no")).containsExactly(tracking);
            long shipmentId = api.getJson("/api/v1/orders/" + order.path("id").asLong()).path("shipments").get(0).path("id").asLong();
            byte[] pdf = api.get("/api/v1/shipments/" + shipmentId + "/label?format=pdf").body();
            assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf, 0, 203))).contains("CODE_128:" + tracking);
            // the demo warehouse's thermal printer (simulated) printed the label by itself
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.get("/sim/printer/_control/jobs").contains(tracking));
        }
    }

    @Autowired
    Orders orders;
    @Autowired
    Shops shops;

    /**
     * The demo runs on Douyin's push: every message is acknowledged, and a buyer's refund request (one of the
     * demo's changes of mind) reaches the order and is handled (held, cancelled, or the parcel intercepted).
     */
    @Test
    void theDemoRunsOnPushAndHandlesARefund() {
        SimControl sim = new SimControl(port);
        long t = Tenants.DEFAULT_TENANT_ID;
        long shopId = shops.list(t).get(0).id();
        JsonMapper json = JsonMapper.builder().build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                json.readTree(sim.get("/sim/doudian/_control/pushes")).valueStream()
                        .anyMatch(p -> "200".equals(p.path("tag").stringValue()) && p.path("acknowledged").asBoolean()));
        JsonNode refundPush = json.readTree(sim.get("/sim/doudian/_control/pushes")).valueStream()
                .filter(p -> "200".equals(p.path("tag").stringValue())).findFirst().orElseThrow();
        String orderId = json.readTree(json.readTree(refundPush.path("body").stringValue()).get(0).path("data").stringValue())
                .path("p_id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Order o = orders.findByPlatformId(t, shopId, orderId).orElseThrow();
            assertThat(orders.timeline(t, o.id())).anySatisfy(e -> assertThat(e.step()).isEqualTo("AFTER_SALE"));
        });
        assertThat(json.readTree(sim.get("/sim/doudian/_control/pushes")).valueStream().map(p -> p.path("tag").stringValue()).distinct())
                .contains("100", "101", "200");
    }
}
