package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.PlatformReceiver;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.TokenStore;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShopCredentials;
import io.fahuo.shared.Carrier;
import io.fahuo.support.Payloads;
import io.fahuo.support.RecordingServer;
import tools.jackson.databind.JsonNode;

/**
 * Douyin e-waybill as a courier source, per operation: the request Fahuo builds, the path and signature it is
 * sent with, the answer read from a documentation-shaped payload and the refusal read as a clear error.
 * Field names follow the official Go SDK's request/response types (see payloads/SOURCES.md).
 */
class DoudianLogisticsProtocolTest {

    static final String APP_KEY = "7000000000000000001";
    static final String SECRET = "test_secret";
    static final String SHOP_PLATFORM_ID = "4463798";
    static final String RECEIVER = "{\"province\":\"浙江省\",\"city\":\"杭州市\",\"district\":\"西湖区\",\"street\":\"文新街道\","
            + "\"name\":\"#NHrf#bmFtZQ==#1##\",\"tel\":\"$$1Gz$dGVs#1##\",\"detail\":\"#ML3B#ZGV0YWls#1##\"}";

    final RecordingServer server = new RecordingServer();
    final Shops shops = mock(Shops.class);
    final DoudianWaybillConnector connector;
    final DoudianConnector doudian;

    DoudianLogisticsProtocolTest() {
        Clock clock = Clock.systemUTC();
        DoudianSettings settings = DoudianSettings.of(Duration.ofSeconds(5), 100, 50000);
        doudian = new DoudianConnector(new DoudianClient(HttpClient.newHttpClient(), settings, clock), new TokenStore() {
                    @Override
                    public void save(long tenantId, long shopId, String accessToken, Instant expiresAt, String refreshToken) {
                    }

                    @Override
                    public ShopCredentials credentials(long tenantId, long shopId) {
                        return shops.credentials(tenantId, shopId);
                    }
                }, clock, settings, new DoudianRateLimiter(settings.qps()));
        connector = new DoudianWaybillConnector(doudian, shops);
        when(shops.find(1, 42)).thenReturn(Optional.of(new Shop(42, 1, Platform.DOUDIAN, "演示店", SHOP_PLATFORM_ID, server.baseUrl(),
                APP_KEY, 5L, true, null, null, null)));
        when(shops.credentials(1, 42)).thenReturn(new ShopCredentials(42, 1, server.baseUrl(), APP_KEY, SECRET, SHOP_PLATFORM_ID,
                "access-token-1", Instant.now().plus(Duration.ofDays(3)), "refresh-1"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static CourierAccount account(Carrier carrier) {
        return new CourierAccount(9, 1, CourierProvider.DOUYIN, carrier, "抖音面单 中通", "x", 3, false, "42", null, null);
    }

    static WaybillRequest request(String shopId) {
        return WaybillRequest.withPlatformReceiver("FH1083", Carrier.ZTO,
                new Party("发货仓", "13800000000", "发货科技", "浙江省", "杭州市", "滨江区", "江南大道100号"),
                new PlatformReceiver("6921234567890123456A", shopId, RECEIVER),
                List.of(new ParcelItem("纯棉短袖T恤", "FH-TEE-WHT-M", 2)), 410);
    }

    JsonNode sent() {
        return DoudianJson.parse(server.last().body());
    }

    void assertSignedCallTo(String method) {
        RecordingServer.Request call = server.last();
        assertThat(call.path()).isEqualTo("/" + method.replace('.', '/'));
        assertThat(call.query()).containsEntry("method", method).containsEntry("app_key", APP_KEY).containsEntry("v", "2")
                .containsEntry("access_token", "access-token-1").containsEntry("sign_method", "hmac-sha256");
        assertThat(call.query().get("sign")).isEqualTo(expectedSign(APP_KEY, SECRET, call));
    }

    @Test
    void declaresWhatDouyinsWaybillServiceDoes() {
        assertThat(connector.capabilities()).contains(CourierCapability.ISSUE_WAYBILL, CourierCapability.CANCEL_WAYBILL,
                CourierCapability.WAYBILL_BALANCE, CourierCapability.PLATFORM_RECEIVER)
                .doesNotContain(CourierCapability.TRACK_QUERY, CourierCapability.INTERCEPT);
        assertThat(connector.carriers()).contains(Carrier.ZTO, Carrier.SF, Carrier.JT).doesNotContain(Carrier.UPS);
        assertThat(connector.accountRef(Map.of("shopId", "42"))).isEqualTo("42");
    }

    @Nested
    class NewCreateOrder {

        @Test
        void sendsTheReceiverAsTheOrdersCiphertextAndTheSenderFromTheWarehouse() {
            server.answering(Payloads.read("doudian/newCreateOrder-response.json"));
            connector.issueWaybill(account(Carrier.ZTO), Map.of("shopId", "42", "netsiteCode", "571001"), request(SHOP_PLATFORM_ID));
            assertSignedCallTo("logistics.newCreateOrder");
            JsonNode p = sent();
            assertThat(p.path("logistics_code").stringValue()).isEqualTo("zhongtong");
            assertThat(p.path("sender_info").path("address").path("province_name").stringValue()).isEqualTo("浙江省");
            assertThat(p.path("sender_info").path("address").path("detail_address").stringValue()).isEqualTo("江南大道100号");
            assertThat(p.path("sender_info").path("contact").path("mobile").stringValue()).isEqualTo("13800000000");
            JsonNode order = p.path("order_infos").get(0);
            assertThat(order.path("order_id").stringValue()).as("the trailing A is stripped").isEqualTo("6921234567890123456");
            assertThat(order.path("pack_id").stringValue()).isEqualTo("FH1083");
            assertThat(order.path("receiver_info").path("contact").path("name").stringValue()).isEqualTo("#NHrf#bmFtZQ==#1##");
            assertThat(order.path("receiver_info").path("contact").path("mobile").stringValue()).isEqualTo("$$1Gz$dGVs#1##");
            assertThat(order.path("receiver_info").path("address").path("detail_address").stringValue()).isEqualTo("#ML3B#ZGV0YWls#1##");
            assertThat(order.path("receiver_info").path("address").path("district_name").stringValue()).isEqualTo("西湖区");
            assertThat(order.path("items").get(0).path("item_count").asInt()).isEqualTo(2);
            assertThat(order.path("net_info").path("net_code").stringValue()).isEqualTo("571001");
            assertThat(server.last().body()).as("canonical param_json: keys sorted").startsWith("{\"logistics_code\"");
        }

        @Test
        void readsTheNumberSortCodePackageCentreAndMark() {
            server.answering(Payloads.read("doudian/newCreateOrder-response.json"));
            IssuedWaybill w = connector.issueWaybill(account(Carrier.ZTO), Map.of("shopId", "42"), request(SHOP_PLATFORM_ID));
            assertThat(w).isEqualTo(new IssuedWaybill(Carrier.ZTO, "73100000000001", "杭州 西湖 D11", "311-J11-11", "浙江杭州转运中心"));
        }

        @Test
        void readsAnOrdersRefusalFromErrInfos() {
            JsonNode data = DoudianMapper.envelope(Payloads.read("doudian/newCreateOrder-response.json")).data();
            DoudianLogisticsMapper.WaybillAnswer answer = DoudianLogisticsMapper.waybills(data, Carrier.ZTO);
            assertThat(answer.refused().get("FH1084")).isEqualTo(new DoudianLogisticsMapper.WaybillError("6921234567890123999", "FH1084",
                    "100003", "订单已取消,不能取号"));
        }

        @Test
        void aRefusedCallIsAClearNonRetryableError() {
            server.answering(Payloads.read("doudian/newCreateOrder-error.json"));
            assertThatThrownBy(() -> connector.issueWaybill(account(Carrier.ZTO), Map.of("shopId", "42"), request(SHOP_PLATFORM_ID)))
                    .isInstanceOf(CourierException.class).hasMessageContaining("logistics_code 不存在")
                    .matches(e -> !((CourierException) e).retryable());
        }

        @Test
        void refusesAnOrderOfAnotherShopWithoutCallingDouyin() {
            assertThatThrownBy(() -> connector.issueWaybill(account(Carrier.ZTO), Map.of("shopId", "42"), request("999")))
                    .isInstanceOf(CourierException.class).hasMessageContaining("belongs to another shop");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void takesAtMostFiftyOrdersPerCall() {
            Party sender = new Party("a", "1", null, "p", "c", "d", "x");
            List<DoudianLogisticsMapper.WaybillOrder> orders = java.util.stream.IntStream.range(0, 51)
                    .mapToObj(i -> new DoudianLogisticsMapper.WaybillOrder("69" + i, "FH" + i, RECEIVER, List.of())).toList();
            assertThatThrownBy(() -> DoudianLogisticsMapper.newCreateOrderParams("zhongtong", sender, null, orders))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 50");
            assertThat(DoudianLogisticsMapper.newCreateOrderParams("zhongtong", sender, null, orders.subList(0, 50)).get("order_infos"))
                    .asList().hasSize(50);
        }
    }

    @Nested
    class CancelOrder {

        @Test
        void sendsCompanyAndNumber() {
            server.answering(Payloads.read("doudian/cancelOrder-response.json"));
            connector.cancelWaybill(account(Carrier.ZTO), Map.of("shopId", "42"), "FH1083",
                    new IssuedWaybill(Carrier.ZTO, "73100000000001", null, null, null));
            assertSignedCallTo("logistics.cancelOrder");
            assertThat(sent().path("logistics_code").stringValue()).isEqualTo("zhongtong");
            assertThat(sent().path("track_no").stringValue()).isEqualTo("73100000000001");
        }

        @Test
        void aCollectedParcelCannotBeCancelled() {
            server.answering(Payloads.read("doudian/cancelOrder-refused.json"));
            assertThatThrownBy(() -> connector.cancelWaybill(account(Carrier.ZTO), Map.of("shopId", "42"), "FH1083",
                    new IssuedWaybill(Carrier.ZTO, "73100000000001", null, null, null)))
                    .isInstanceOf(CourierException.class).hasMessageContaining("已揽收")
                    .matches(e -> ((CourierException) e).code().equals("isv.business-failed:100011"));
        }
    }

    @Nested
    class ListShopNetsite {

        @Test
        void asksForTheCarriersNetsites() {
            server.answering(Payloads.read("doudian/listShopNetsite-response.json"));
            connector.balance(account(Carrier.ZTO), Map.of("shopId", "42"));
            assertSignedCallTo("logistics.listShopNetsite");
            assertThat(sent().path("logistics_code").stringValue()).isEqualTo("zhongtong");
        }

        @Test
        void sumsTheNetsitesOrTakesTheAccountsOwn() {
            JsonNode data = DoudianMapper.envelope(Payloads.read("doudian/listShopNetsite-response.json")).data();
            assertThat(DoudianLogisticsMapper.balance(data, null)).as("-1 means the platform does not say how many were taken")
                    .isEqualTo(new WaybillBalance(1315, null));
            assertThat(DoudianLogisticsMapper.balance(data, "571001")).isEqualTo(new WaybillBalance(1280, 2000));
        }

        @Test
        void anUnknownNetsiteIsAClearError() {
            server.answering(Payloads.read("doudian/listShopNetsite-response.json"));
            assertThatThrownBy(() -> connector.balance(account(Carrier.ZTO), Map.of("shopId", "42", "netsiteCode", "999")))
                    .isInstanceOf(CourierException.class).hasMessageContaining("no netsite 999");
        }
    }

    @Nested
    class LogisticsCompanyList {

        @Test
        void everyCarrierFahuoMapsIsOnDouyinsList() {
            server.answering(Payloads.read("doudian/logisticsCompanyList-response.json"));
            Map<String, String> companies = connector.companies(account(Carrier.ZTO));
            assertSignedCallTo("order.logisticsCompanyList");
            assertThat(server.last().body()).isEqualTo("{}");
            for (Carrier c : connector.carriers()) {
                assertThat(companies).as(c.name()).containsKey(DoudianCodes.companyCode(c));
            }
            assertThat(companies).containsEntry("jtexpress", "极兔速递");
        }
    }

    @Nested
    class WaybillApply {

        @Test
        void asksForPrintDataOfTheNumbers() {
            server.answering(Payloads.read("doudian/waybillApply-response.json"));
            Map<String, DoudianLogisticsMapper.PrintData> data = connector.printData(account(Carrier.ZTO), Carrier.ZTO, List.of("73100000000001"));
            assertSignedCallTo("logistics.waybillApply");
            JsonNode apply = sent().path("waybill_applies").get(0);
            assertThat(apply.path("logistics_code").stringValue()).isEqualTo("zhongtong");
            assertThat(apply.path("track_no").stringValue()).isEqualTo("73100000000001");
            assertThat(data.get("73100000000001")).isEqualTo(new DoudianLogisticsMapper.PrintData("73100000000001",
                    "EtEh4pO0a1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwXyZ+/==", "b3d1c7f0e2a94c5d8e6f7a8b9c0d1e2f"));
        }
    }

    @Nested
    class LogisticsEdit {

        static final String DETAIL = "{\"code\":10000,\"msg\":\"success\",\"sub_code\":\"\",\"sub_msg\":\"\",\"data\":{\"shop_order_detail\":"
                + "{\"order_id\":\"6921234567890123456\",\"order_status\":3,\"logistics_info\":[{\"tracking_no\":\"73100000000009\","
                + "\"company\":\"zhongtong\",\"company_name\":\"中通快递\",\"ship_time\":1763892000}]}}}";

        ShopCredentials shop() {
            return shops.credentials(1, 42);
        }

        @Test
        void replacesTheNumberDouyinShows() {
            server.answering(DETAIL, Payloads.read("doudian/logisticsEdit-response.json"));
            ConfirmationOutcome outcome = new DoudianShippingCorrection(doudian).correct(shop(), "6921234567890123456", Carrier.ZTO,
                    "73100000000001");
            assertThat(outcome.kind()).isEqualTo(ConfirmationOutcome.Kind.CONFIRMED);
            assertThat(server.requests()).extracting(c -> c.query().get("method")).containsExactly("order.orderDetail", "order.logisticsEdit");
            assertSignedCallTo("order.logisticsEdit");
            assertThat(sent().path("order_id").stringValue()).isEqualTo("6921234567890123456");
            assertThat(sent().path("company_code").stringValue()).isEqualTo("zhongtong");
            assertThat(sent().path("logistics_code").stringValue()).isEqualTo("73100000000001");
        }

        @Test
        void aNumberDouyinAlreadyShowsIsNotSentAgain() {
            server.answering(DETAIL);
            assertThat(new DoudianShippingCorrection(doudian).correct(shop(), "6921234567890123456", Carrier.ZTO, "73100000000009").kind())
                    .isEqualTo(ConfirmationOutcome.Kind.CONFIRMED);
            assertThat(server.requests()).extracting(c -> c.query().get("method")).containsExactly("order.orderDetail");
        }

        @Test
        void aCancelledOrderReadsAsCancelledOnThePlatform() {
            server.answering(DETAIL, Payloads.read("doudian/logisticsEdit-refused.json"));
            ConfirmationOutcome outcome = new DoudianShippingCorrection(doudian).correct(shop(), "6921234567890123456", Carrier.ZTO,
                    "73100000000001");
            assertThat(outcome.kind()).isEqualTo(ConfirmationOutcome.Kind.CANCELLED_ON_PLATFORM);
            assertThat(outcome.detail()).contains("订单已取消");
        }
    }

    @Nested
    class SyncStock {

        final DoudianStockSync sync = new DoudianStockSync(doudian);

        @Test
        void absoluteSetsTheNumberByMerchantCode() {
            server.answering(Payloads.read("doudian/syncStock-response.json"));
            sync.push(shops.credentials(1, 42), "FH-MUG-350", false, null, 90);
            assertSignedCallTo("sku.syncStock");
            assertThat(server.last().body()).isEqualTo("{\"code\":\"FH-MUG-350\",\"incremental\":false,\"stock_num\":90}");
        }

        @Test
        void incrementalCarriesTheIdempotentIdAndARepeatCountsAsDone() {
            server.answering(Payloads.read("doudian/syncStock-duplicate.json"));
            sync.push(shops.credentials(1, 42), "FH-MUG-350", true, "FH42-1001", -3);
            assertThat(sent().path("incremental").asBoolean()).isTrue();
            assertThat(sent().path("idempotent_id").stringValue()).isEqualTo("FH42-1001");
            assertThat(sent().path("stock_num").asLong()).isEqualTo(-3);
        }

        @Test
        void aDuplicateOfAnAbsolutePushIsNotHiddenAndIncrementalNeedsAnId() {
            server.answering(Payloads.read("doudian/syncStock-duplicate.json"));
            assertThatThrownBy(() -> sync.push(shops.credentials(1, 42), "FH-MUG-350", false, null, 5))
                    .hasMessageContaining("幂等ID已存在");
            assertThatThrownBy(() -> DoudianLogisticsMapper.syncStockParams("FH-MUG-350", true, null, 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotent_id");
            assertThatThrownBy(() -> DoudianLogisticsMapper.syncStockParams("FH-MUG-350", false, null, -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The HMAC-SHA256 the platform expects for a call, computed here from the published rule, not by Fahuo's signer. */
    private static String expectedSign(String appKey, String secret, RecordingServer.Request call) {
        String message = secret + "app_key" + appKey + "method" + call.query().get("method") + "param_json" + call.body()
                + "timestamp" + call.query().get("timestamp") + "v" + "2" + secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
