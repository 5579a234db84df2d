package io.fahuo.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
 * Douyin refuses a write-back (order.logisticsAdd) with 60021 / 60040 / 60109 / 60110 because the order changed
 * and the message telling Fahuo was lost: through the real pipeline against the simulator, each code leaves the
 * order in a clear state. Then chaos: with errors, gateway failures, lost replies and a QPS limit injected, every
 * order ships exactly once.
 */
class WriteBackCodesEndToEndTest extends IntegrationTest {

    @Autowired
    SchedulerClient jobs;
    @Autowired
    Orders orders;
    @Autowired
    Shipments shipments;

    @AfterEach
    void calm() {
        sim().douyinChaos(0, 0, 0, 0, 0);
    }

    record Staged(Fixtures.Merchant merchant, ApiClient api, String douyinId, Order order, Shipment parcel) {
    }

    /** An order with its waybill, not yet written back; the shop's pull paused so no fetch sees what changes. */
    private Staged staged(String name) {
        Fixtures.Merchant m = fixtures.merchant(name, Fixtures.Options.standard().withoutAutoShip());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of()).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> orders.findByPlatformId(m.tenantId(), m.shopId(), douyinId).isPresent());
        Order order = orders.findByPlatformId(m.tenantId(), m.shopId(), douyinId).orElseThrow();
        PullControl.pausePull(jobs, m.shopId());
        ApiClient api = api(m.token());
        assertThat(runBatch(api, "issue-waybill", List.of(order.id())).path("succeeded").asInt()).isEqualTo(1);
        return new Staged(m, api, douyinId, order, shipments.forOrder(m.tenantId(), order.id()).get(0));
    }

    private Order ship(Staged s) {
        runBatch(s.api(), "ship", List.of(s.order().id()));
        return orders.get(s.merchant().tenantId(), s.order().id());
    }

    @Test
    void cancelled60021CancelsTheOrderAndGivesTheWaybillBack() {
        Staged s = staged("wb-60021");
        sim().douyinQuietly(s.douyinId(), Map.of("status", 4));
        Order after = ship(s);
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shipments.get(s.merchant().tenantId(), s.parcel().id()).status()).isEqualTo(ShipmentStatus.CANCELLED));
        assertThat(sim().waybills()).filteredOn(w -> s.parcel().trackingNumber().equals(w.get("logisticCode")))
                .singleElement().satisfies(w -> assertThat(w.get("cancelled")).isEqualTo(true));
        assertThat(sim().ledger()).filteredOn(w -> s.douyinId().equals(w.get("orderId")))
                .singleElement().satisfies(w -> assertThat(w.get("refusal")).asString().contains("取消"));
    }

    @Test
    void refundPending60040HoldsTheOrder() {
        Staged s = staged("wb-60040");
        sim().douyinQuietly(s.douyinId(), Map.of("afterSaleStatus", 6));
        Order after = ship(s);
        assertThat(after.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(after.holdReason()).contains("60040");
        assertThat(shipments.get(s.merchant().tenantId(), s.parcel().id()).status()).isEqualTo(ShipmentStatus.WAYBILL_ISSUED);
    }

    @Test
    void riskReview60109HoldsTheOrderWithTheReason() {
        Staged s = staged("wb-60109");
        sim().douyinQuietly(s.douyinId(), Map.of("status", 105));
        Order after = ship(s);
        assertThat(after.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(after.holdReason()).contains("60109").contains("风控");
    }

    @Test
    void alreadyShipped60110WithOurNumberIsReconciledAsShipped() {
        Staged s = staged("wb-60110-ours");
        // the platform takes the write-back but its answer is lost; the retry meets "already shipped"
        sim().douyinChaos(0, 0, 0, 0, 1.0);
        runBatch(s.api(), "ship", List.of(s.order().id()));
        assertThat(orders.get(s.merchant().tenantId(), s.order().id()).status()).isEqualTo(OrderStatus.WAYBILL_ISSUED);
        sim().douyinChaos(0, 0, 0, 0, 0);
        Order after = ship(s);
        assertThat(after.status()).isEqualTo(OrderStatus.SHIPPED);
        List<Map<String, Object>> ledger = sim().ledger().stream().filter(w -> s.douyinId().equals(w.get("orderId"))).toList();
        assertThat(ledger).filteredOn(w -> Boolean.TRUE.equals(w.get("accepted"))).singleElement()
                .satisfies(w -> assertThat(w.get("trackingNo")).isEqualTo(s.parcel().trackingNumber()));
        assertThat(ledger).anySatisfy(w -> assertThat(w.get("refusal")).asString().contains("已发货"));
    }

    @Test
    void alreadyShipped60110WithAnotherNumberHoldsTheOrderNamingIt() {
        Staged s = staged("wb-60110-other");
        sim().douyinQuietly(s.douyinId(), Map.of("trackingNo", "73100000000001"));
        Order after = ship(s);
        assertThat(after.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(after.holdReason()).contains("73100000000001");
    }

    @Test
    void underChaosEveryOrderShipsExactlyOnce() {
        Fixtures.Merchant m = fixtures.merchant("wb-chaos", Fixtures.Options.standard());
        Map<String, Object> faultsBefore = sim().douyinFaults();
        sim().douyinChaos(10, 0.15, 15, 0.1, 0.1);
        List<String> ids = sim().createOrders(m.platformShopId(), 12, Map.of());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(ids).allSatisfy(id -> assertThat(orders.findByPlatformId(m.tenantId(), m.shopId(), id))
                        .get().extracting(Order::status).isEqualTo(OrderStatus.SHIPPED)));
        sim().douyinChaos(0, 0, 0, 0, 0);
        Map<String, Object> faults = sim().douyinFaults();
        for (String kind : List.of("20000", "http-502", "lost-reply")) {
            assertThat(((Number) faults.getOrDefault(kind, 0)).longValue()).as("injected " + kind)
                    .isGreaterThan(((Number) faultsBefore.getOrDefault(kind, 0)).longValue());
        }
        List<Map<String, Object>> accepted = sim().ledger().stream()
                .filter(w -> ids.contains(w.get("orderId")) && Boolean.TRUE.equals(w.get("accepted"))).toList();
        assertThat(accepted).hasSize(ids.size());
        assertThat(accepted.stream().map(w -> w.get("orderId")).distinct().count()).isEqualTo(ids.size());
        for (String id : ids) {
            Order o = orders.findByPlatformId(m.tenantId(), m.shopId(), id).orElseThrow();
            List<Shipment> parcels = shipments.forOrder(m.tenantId(), o.id());
            assertThat(parcels).singleElement().satisfies(p -> {
                assertThat(p.status()).isEqualTo(ShipmentStatus.SHIPPED);
                assertThat(accepted).anySatisfy(w -> {
                    assertThat(w.get("orderId")).isEqualTo(id);
                    assertThat(w.get("trackingNo")).isEqualTo(p.trackingNumber());
                });
            });
        }
    }

    private JsonNode runBatch(ApiClient api, String action, List<Long> ids) {
        ApiClient.Response submitted = api.post("/api/v1/batches", "{\"action\":\"" + action + "\",\"orderIds\":" + ids + "}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        long id = submitted.json().path("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(api.getJson("/api/v1/batches/" + id).path("status").stringValue()));
        return api.getJson("/api/v1/batches/" + id);
    }
}
