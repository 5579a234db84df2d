package io.fahuo.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.orders.OrderCancelledAfterShipping;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.OrderLine;
import io.fahuo.shared.Carrier;
import io.fahuo.shipments.Shipments;
import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parcels after shipping, over three and a half simulated days. Fahuo, its job scheduler and the simulated
 * couriers share one clock that the test moves forward; the couriers' parcels travel on it and are pushed
 * to Fahuo. Its own context and database (a separate H2 file, a separate PostgreSQL schema), so moving time
 * disturbs no other test.
 */
class TrackingEndToEndTest extends IntegrationTest {

    static final Path DATA = Path.of("target/it-tracking-data");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        deleteRecursively(DATA);
    }

    @DynamicPropertySource
    static void ownDatabaseAndFastRules(DynamicPropertyRegistry r) {
        r.add("fahuo.data-dir", () -> DATA.toAbsolutePath().toString());
        if (String.valueOf(System.getProperty("spring.profiles.active")).contains("postgres")) {
            r.add("spring.flyway.schemas", () -> "tracking_e2e");
            r.add("spring.flyway.default-schema", () -> "tracking_e2e");
            r.add("spring.datasource.hikari.schema", () -> "tracking_e2e");
        }
        r.add("fahuo.tracking.exception-sweep", () -> "PT1S");
    }

    /** Fahuo's clock is the simulated platforms' clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Clock simulatedClock(SimClock sim) {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(instant(), zone);
                }

                @Override
                public Instant instant() {
                    return sim.now();
                }
            };
        }
    }

    @Autowired
    SimProperties simProperties;
    @Autowired
    CourierAccounts accounts;
    @Autowired
    Shipments shipments;
    @Autowired
    Orders orders;
    @Autowired
    Fulfilment fulfilment;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager txManager;

    record Shipped(long orderId, String platformOrderId, long shipmentId, String number) {
    }

    private List<Shipped> ship(Fixtures.Merchant m, int count) {
        sim().createOrders(m.platformShopId(), count, Map.of());
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.getJson("/api/v1/orders?status=SHIPPED").path("total").asInt()).isEqualTo(count));
        List<Shipped> out = new ArrayList<>();
        for (JsonNode o : api.getJson("/api/v1/orders?status=SHIPPED&size=50").path("items")) {
            long id = o.path("id").asLong();
            out.add(new Shipped(id, o.path("platformOrderId").stringValue(),
                    api.getJson("/api/v1/orders/" + id).path("shipments").get(0).path("id").asLong(), o.path("trackingNumber").stringValue()));
        }
        return out;
    }

    /** The factory packs the whole order into one parcel of its own. */
    private long openParcel(Fixtures.Merchant m, long orderId) {
        Map<Long, Integer> lines = orders.get(m.tenantId(), orderId).lines().stream()
                .collect(java.util.stream.Collectors.toMap(OrderLine::id, OrderLine::quantity));
        return shipments.openParcels(m.tenantId(), orderId, List.of(new Shipments.ParcelPlan(m.warehouseId(), lines))).get(0).id();
    }

    private void cancelledAfterShipping(long tenantId, long orderId) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> events.publishEvent(new OrderCancelledAfterShipping(tenantId, orderId)));
    }

    private void advanceHours(int hours) {
        sim().post("/sim/_control/clock/advance?minutes=" + hours * 60, "");
    }

    private static JsonNode tracking(ApiClient api, Shipped s) {
        return api.getJson("/api/v1/shipments/" + s.shipmentId() + "/tracking");
    }

    private static void awaitState(ApiClient api, Shipped s, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(tracking(api, s).path("state").stringValue()).as(s.number()).isEqualTo(state));
    }

    private static void awaitException(ApiClient api, String kind, Shipped s) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.getJson("/api/v1/tracking/exceptions?kind=" + kind).valueStream().map(e -> e.path("shipmentId").asLong()))
                        .as(kind + " for " + s.number()).contains(s.shipmentId()));
    }

    @Test
    void parcelsMoveAreFlaggedInterceptedAndMadeUpNumbersNeverReachThePlatform() {
        // a merchant shipping ZTO through Kdniao: one parcel travels, one stalls, one is never collected, one is
        // cancelled after shipping before its pickup
        Fixtures.Merchant k = fixtures.merchant("e2e-kdniao", Fixtures.Options.standard());
        List<Shipped> kp = ship(k, 4);
        Shipped travels = kp.get(0), stalls = kp.get(1), unpicked = kp.get(2), withdrawn = kp.get(3);
        sim().post("/sim/_control/parcels/" + stalls.number() + "/scenario?value=STALL", "");
        sim().post("/sim/_control/parcels/" + unpicked.number() + "/scenario?value=NO_PICKUP", "");
        ApiClient kApi = api(k.token());

        // a merchant shipping SF direct, whose order is refunded while the parcel travels
        Fixtures.Merchant s = fixtures.merchant("e2e-sf", Fixtures.Options.standard());
        accounts.create(s.tenantId(), new CourierAccounts.NewAccount(CourierProvider.SF, Carrier.SF, "顺丰",
                "http://127.0.0.1:" + port + "/sim/sf", Map.of("partnerID", simProperties.sf().partnerId(),
                "checkWord", simProperties.sf().checkWord()), 3, "7551234567", true));
        Shipped returned = ship(s, 1).get(0);
        assertThat(returned.number()).startsWith("SF");
        ApiClient sApi = api(s.token());

        // a merchant whose factory ships and types the numbers in: one made up, one real (the factory's own ZTO waybill)
        Fixtures.Merchant h = fixtures.merchant("e2e-hand", new Fixtures.Options(true, 1000, false, null));
        sim().createOrders(h.platformShopId(), 2, Map.of());
        ApiClient hApi = api(h.token());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hApi.getJson("/api/v1/orders?status=PENDING").path("total").asInt()).isEqualTo(2));
        List<Long> hOrders = hApi.getJson("/api/v1/orders?status=PENDING").path("items").valueStream().map(o -> o.path("id").asLong()).toList();
        long madeUpParcel = openParcel(h, hOrders.get(0));
        long realParcel = openParcel(h, hOrders.get(1));
        assertThat(hApi.post("/api/v1/shipments/" + madeUpParcel + "/hand-entered-number", "{\"carrier\":\"ZTO\",\"trackingNumber\":\"7310000000\"}")
                .status()).isEqualTo(400);
        String madeUp = "73" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
        assertThat(hApi.post("/api/v1/shipments/" + madeUpParcel + "/hand-entered-number",
                "{\"carrier\":\"ZTO\",\"trackingNumber\":\"" + madeUp + "\"}").status()).isEqualTo(200);
        String factoryNumber = JSON.readTree(sim().post("/sim/kdniao/_control/foreign-parcels",
                "{\"shipperCode\":\"ZTO\",\"senderPhone\":\"13700000000\",\"fromCity\":\"宁波\",\"toCity\":\"成都\"}")).path("logisticCode").stringValue();
        assertThat(hApi.post("/api/v1/shipments/" + realParcel + "/hand-entered-number",
                "{\"carrier\":\"ZTO\",\"trackingNumber\":\"" + factoryNumber + "\"}").status()).isEqualTo(200);
        fulfilment.start(h.tenantId(), hOrders);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hApi.getJson("/api/v1/orders?status=ON_HOLD").path("total").asInt()).isEqualTo(2));
        assertThat(hApi.getJson("/api/v1/orders/" + hOrders.get(0)).path("holdReason").stringValue())
                .startsWith(Fulfilment.AWAITING_COURIER_CONFIRMATION).contains(madeUp);

        // cancelled after shipping, not collected yet: Kdniao has no interception, so the waybill is withdrawn
        cancelledAfterShipping(k.tenantId(), withdrawn.orderId());
        awaitState(kApi, withdrawn, "INTERCEPTED");
        assertThat(tracking(kApi, withdrawn).path("intercept").stringValue()).isEqualTo("WITHDRAWN");

        // six hours: parcels are collected and on their way; the factory's parcel confirms its number
        advanceHours(6);
        awaitState(kApi, travels, "IN_TRANSIT");
        awaitState(sApi, returned, "IN_TRANSIT");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hApi.getJson("/api/v1/orders/" + hOrders.get(1)).path("status").stringValue()).isEqualTo("SHIPPED"));
        String realDouyinId = hApi.getJson("/api/v1/orders/" + hOrders.get(1)).path("platformOrderId").stringValue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> logistics = (List<Map<String, Object>>) sim().douyinOrder(realDouyinId).get("logistics_info");
        assertThat(logistics).singleElement().satisfies(l -> assertThat(l.get("tracking_no")).isEqualTo(factoryNumber));

        // the SF order is refunded in transit: SF intercepts, the parcel goes back
        cancelledAfterShipping(s.tenantId(), returned.orderId());
        awaitState(sApi, returned, "INTERCEPTED");
        assertThat(tracking(sApi, returned).path("intercept").stringValue()).isEqualTo("ACCEPTED");

        // a day and more: the unpicked parcel is flagged (揽收超时)
        advanceHours(20);
        awaitException(kApi, "NO_PICKUP", unpicked);
        awaitState(sApi, returned, "RETURNING");

        // two days: delivered, and the SF parcel is back with the sender
        advanceHours(24);
        awaitState(kApi, travels, "DELIVERED");
        awaitState(sApi, returned, "RETURNED");
        awaitException(sApi, "RETURNED", returned);
        // the goods that came back are on hand again, once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sApi.getJson("/api/v1/orders/" + returned.orderId())
                .path("timeline").valueStream().filter(t -> "RETURN".equals(t.path("step").stringValue())))
                .singleElement().satisfies(t -> assertThat(t.path("message").stringValue()).contains("restocked")));

        // three days: the stalled parcel is flagged (停滞), the made-up number too, and it was never written back
        advanceHours(26);
        awaitException(kApi, "STALLED", stalls);
        awaitException(hApi, "UNCONFIRMED_NUMBER", new Shipped(hOrders.get(0), null, madeUpParcel, madeUp));

        JsonNode delivered = tracking(kApi, travels);
        assertThat(delivered.path("deliveredAt").isNull()).isFalse();
        assertThat(delivered.path("events").size()).isGreaterThanOrEqualTo(7);
        assertThat(delivered.path("events").get(0).path("state").stringValue()).isEqualTo("DELIVERED");
        assertThat(delivered.path("exceptions").size()).isZero();
        assertThat(tracking(kApi, stalls).path("state").stringValue()).isEqualTo("IN_TRANSIT");
        assertThat(tracking(kApi, unpicked).path("state").stringValue()).isEqualTo("AWAITING_PICKUP");
        assertThat(tracking(kApi, withdrawn).path("state").stringValue()).isEqualTo("INTERCEPTED");
        assertThat(tracking(sApi, returned).path("events").valueStream().map(e -> e.path("courierCode").stringValue())).contains("INTERCEPT");
        assertThat(kApi.getJson("/api/v1/tracking/exceptions").valueStream().map(e -> e.path("shipmentId").asLong()))
                .doesNotContain(travels.shipmentId(), withdrawn.shipmentId());

        JsonNode madeUpView = hApi.getJson("/api/v1/shipments/" + madeUpParcel + "/tracking");
        assertThat(madeUpView.path("source").stringValue()).isEqualTo("HAND_ENTERED");
        assertThat(madeUpView.path("courierConfirmed").asBoolean()).isFalse();
        assertThat(hApi.getJson("/api/v1/orders/" + hOrders.get(0)).path("status").stringValue()).isEqualTo("ON_HOLD");
        String madeUpDouyinId = hApi.getJson("/api/v1/orders/" + hOrders.get(0)).path("platformOrderId").stringValue();
        assertThat(sim().ledger().stream().filter(w -> madeUpDouyinId.equals(w.get("orderId")))).isEmpty();
        assertThat(sim().douyinOrder(madeUpDouyinId).get("order_status")).isEqualTo(2);
    }
}
