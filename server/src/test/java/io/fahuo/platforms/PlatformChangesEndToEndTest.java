package io.fahuo.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.support.PullControl;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What buyers change on Douyin reaches Fahuo through the platform's push (the shop's pull is paused, so
 * nothing else could bring it) and the order detail it makes Fahuo fetch: an address change voids the
 * waybill and gets a new one, a refund request holds the order, a refund cancels it, a refund after
 * shipping asks the courier to intercept.
 */
class PlatformChangesEndToEndTest extends IntegrationTest {

    @Autowired
    SchedulerClient jobs;
    @Autowired
    Orders orders;
    @Autowired
    Shipments shipments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressChangeAfterTheWaybillVoidsItAndTheOrderShipsWithANewOne() {
        Fixtures.Merchant m = fixtures.merchant("addr-change", Fixtures.Options.standard().withoutAutoShip());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of("province", "浙江")).get(0);
        ApiClient api = api(m.token());
        Order order = awaitOrder(m, douyinId, OrderStatus.PENDING);
        PullControl.pausePull(jobs, m.shopId());
        assertThat(runBatch(api, "issue-waybill", List.of(order.id())).path("succeeded").asInt()).isEqualTo(1);
        Shipment first = shipments.forOrder(m.tenantId(), order.id()).get(0);
        assertThat(first.status()).isEqualTo(ShipmentStatus.WAYBILL_ISSUED);

        sim().post("/sim/doudian/_control/orders/" + douyinId + "/address?province=新疆&requested=true", "");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Order now = orders.get(m.tenantId(), order.id());
            assertThat(now.receiver().province()).isEqualTo("新疆维吾尔自治区");
            assertThat(now.status()).isEqualTo(OrderStatus.PENDING);
        });
        assertThat(shipments.get(m.tenantId(), first.id()).status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(api.get("/api/v1/shipments/" + first.id() + "/label?format=pdf&size=76x130").status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sim().waybills())
                .filteredOn(w -> first.trackingNumber().equals(w.get("logisticCode"))).singleElement()
                .satisfies(w -> assertThat(w.get("cancelled")).isEqualTo(true)));

        assertThat(runBatch(api, "ship", List.of(order.id())).path("succeeded").asInt()).isEqualTo(1);
        Shipment shipped = shipments.forOrder(m.tenantId(), order.id()).stream()
                .filter(s -> s.status() == ShipmentStatus.SHIPPED).findFirst().orElseThrow();
        assertThat(shipped.trackingNumber()).isNotEqualTo(first.trackingNumber());
        // the new waybill went to the new address, and Douyin got only the new number
        assertThat(sim().waybills()).filteredOn(w -> shipped.trackingNumber().equals(w.get("logisticCode")))
                .singleElement().satisfies(w -> assertThat((String) w.get("receiverCity")).startsWith("乌鲁木齐"));
        assertThat(sim().ledger()).filteredOn(w -> douyinId.equals(w.get("orderId")))
                .extracting(w -> w.get("trackingNo")).containsExactly(shipped.trackingNumber());
        assertThat(orders.get(m.tenantId(), order.id()).status()).isEqualTo(OrderStatus.SHIPPED);
        // the receiver was opened twice, once for each waybill, and each opening is on record
        assertThat(jdbc.sql("select purpose, actor from pii_access_log where tenant_id = ? and order_id = ? order by at")
                .params(m.tenantId(), order.id()).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list())
                .containsExactly("WAYBILL/pipeline", "WAYBILL/pipeline");
    }

    @Test
    void aRefundRequestHoldsTheOrderAndTheRefundCancelsIt() {
        Fixtures.Merchant m = fixtures.merchant("refund-hold", Fixtures.Options.standard().withoutAutoShip());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        Order order = awaitOrder(m, douyinId, OrderStatus.PENDING);
        PullControl.pausePull(jobs, m.shopId());

        sim().post("/sim/doudian/_control/orders/" + douyinId + "/refund", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Order now = orders.get(m.tenantId(), order.id());
            assertThat(now.status()).isEqualTo(OrderStatus.ON_HOLD);
            assertThat(now.holdReason()).contains("refund");
        });

        sim().post("/sim/doudian/_control/orders/" + douyinId + "/refund/complete", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(orders.get(m.tenantId(), order.id()).status()).isEqualTo(OrderStatus.CANCELLED));
        assertThat(sim().ledger()).noneMatch(w -> douyinId.equals(w.get("orderId")));
    }

    @Test
    void aWithdrawnRefundRequestLiftsItsHoldAndTheOrderShips() {
        Fixtures.Merchant m = fixtures.merchant("refund-withdrawn", Fixtures.Options.standard().withoutAutoShip());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        Order order = awaitOrder(m, douyinId, OrderStatus.PENDING);
        PullControl.pausePull(jobs, m.shopId());
        sim().post("/sim/doudian/_control/orders/" + douyinId + "/refund", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(orders.get(m.tenantId(), order.id()).status()).isEqualTo(OrderStatus.ON_HOLD));

        sim().post("/sim/doudian/_control/orders/" + douyinId + "/refund/withdraw", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Order now = orders.get(m.tenantId(), order.id());
            assertThat(now.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(now.holdReason()).isNull();
        });
        assertThat(runBatch(api(m.token()), "ship", List.of(order.id())).path("succeeded").asInt()).isEqualTo(1);
        assertThat(orders.get(m.tenantId(), order.id()).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aRefundAfterShippingAsksForTheParcelToBeIntercepted() {
        Fixtures.Merchant m = fixtures.merchant("refund-shipped", Fixtures.Options.standard());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        Order order = awaitOrder(m, douyinId, OrderStatus.SHIPPED);
        PullControl.pausePull(jobs, m.shopId());

        sim().post("/sim/doudian/_control/orders/" + douyinId + "/refund", "");
        sim().post("/sim/doudian/_control/orders/" + douyinId + "/refund/complete", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select intercept_state from tracked_parcel where tenant_id = ? and order_id = ?")
                .params(m.tenantId(), order.id()).query(String.class).list()).singleElement().isNotNull());
        assertThat(orders.get(m.tenantId(), order.id()).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    private Order awaitOrder(Fixtures.Merchant m, String douyinId, OrderStatus status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(orders.findByPlatformId(m.tenantId(), m.shopId(), douyinId))
                .get().extracting(Order::status).isEqualTo(status));
        return orders.findByPlatformId(m.tenantId(), m.shopId(), douyinId).orElseThrow();
    }

    private JsonNode runBatch(ApiClient api, String action, List<Long> ids) {
        ApiClient.Response submitted = api.post("/api/v1/batches", "{\"action\":\"" + action + "\",\"orderIds\":" + ids + "}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        long id = submitted.json().path("id").asLong();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(api.getJson("/api/v1/batches/" + id).path("status").stringValue()));
        return api.getJson("/api/v1/batches/" + id);
    }
}
