package io.fahuo.couriers.kdniao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.PushRequest;
import io.fahuo.couriers.domain.ReceivedPush;
import io.fahuo.couriers.domain.TraceEvent;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;
import io.fahuo.support.Payloads;
import io.fahuo.support.RecordingServer;
import tools.jackson.databind.JsonNode;

/**
 * Kdniao, per operation: the request Fahuo builds, the endpoint and DataSign it is sent with, the answer
 * read from a documented payload, and the refusal read as a clear error. Payloads and their sources:
 * {@code payloads/SOURCES.md}.
 */
class KdniaoProtocolTest {

    static final String APP_KEY = "56da2cf8-c8a2-44b2-b6fa-476cd7d1ba17";
    static final Map<String, String> CREDENTIALS = Map.of("EBusinessID", "1237100", "AppKey", APP_KEY,
            "CustomerName", "hz-0571", "CustomerPwd", "pw", "StationCode", "571001", "StationName", "杭州余杭网点");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-07T01:30:00Z"), ZoneOffset.UTC);

    final RecordingServer server = new RecordingServer();

    @AfterEach
    void stop() {
        server.close();
    }

    KdniaoConnector connector(boolean monitor) {
        KdniaoSettings settings = new KdniaoSettings(Duration.ofSeconds(5), monitor);
        return new KdniaoConnector(new KdniaoClient(HttpClient.newHttpClient(), settings), settings, CLOCK);
    }

    CourierAccount account(Carrier carrier) {
        return new CourierAccount(7, 1, CourierProvider.KDNIAO, carrier, "test", server.baseUrl(), 3, true, "1237100", "5710012345", null);
    }

    static WaybillRequest request(Carrier carrier, int packages) {
        return new WaybillRequest("FH1083", carrier,
                new Party("发货仓", "057188886666", "发货科技", "浙江省", "杭州市", "余杭区", "文一西路1500号"),
                new Party("李四", "13812341234", null, "广东省", "深圳市", "南山区", "科技园南路88号"),
                List.of(new ParcelItem("纯棉短袖T恤", "FH-TEE-WHT-M", 2)), 410, null, packages);
    }

    static JsonNode json(String s) {
        return KdniaoMapper.JSON.readTree(s);
    }

    /** Checks the form against Kdniao's rules, with an MD5 → hex → base64 written here, not Fahuo's signer. */
    void assertSentTo(String path, String requestType) throws Exception {
        RecordingServer.Request r = server.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo(path);
        assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = r.form();
        assertThat(form).containsEntry("RequestType", requestType).containsEntry("EBusinessID", "1237100").containsEntry("DataType", "2");
        byte[] md5 = MessageDigest.getInstance("MD5").digest((form.get("RequestData") + APP_KEY).getBytes(StandardCharsets.UTF_8));
        assertThat(form.get("DataSign")).isEqualTo(Base64.getEncoder().encodeToString(HexFormat.of().formatHex(md5).getBytes(StandardCharsets.US_ASCII)));
    }

    JsonNode sentData() {
        return json(server.last().form().get("RequestData"));
    }

    @Nested
    class EOrder1007 {

        @Test
        void buildsTheRequestInTheShapeOfKdniaosDemo() {
            JsonNode demo = json(Payloads.read("kdniao/1007-request-demo.json"));
            JsonNode ours = json(KdniaoMapper.eOrderRequest(request(Carrier.YTO, 2), account(Carrier.YTO), CREDENTIALS));
            for (String field : List.of("OrderCode", "ShipperCode", "PayType", "ExpType", "Quantity", "Weight")) {
                assertThat(ours.path(field).getNodeType()).as(field).isEqualTo(demo.path(field).getNodeType());
            }
            assertThat(fields(ours.path("Sender"))).isSubsetOf(fields(demo.path("Sender")));
            assertThat(fields(ours.path("Commodity").get(0))).contains("GoodsName", "Goodsquantity");
            assertThat(ours.path("OrderCode").stringValue()).isEqualTo("FH1083");
            assertThat(ours.path("ShipperCode").stringValue()).isEqualTo("YTO");
            assertThat(ours.path("PayType").asInt()).isEqualTo(3);
            assertThat(ours.path("MonthCode").stringValue()).isEqualTo("5710012345");
            assertThat(ours.path("CustomerName").stringValue()).isEqualTo("hz-0571");
            assertThat(ours.path("Quantity").asInt()).isEqualTo(2);
            assertThat(ours.path("IsSubscribe").asInt()).isZero();
            assertThat(ours.path("Weight").decimalValue()).isEqualByComparingTo("0.41");
            assertThat(ours.path("Receiver").path("ExpAreaName").stringValue()).isEqualTo("南山区");
        }

        @Test
        void postsToEOrderServiceSigned() throws Exception {
            server.answering(Payloads.read("kdniao/1007-response.json"));
            connector(true).issueWaybill(account(Carrier.ZTO), CREDENTIALS, request(Carrier.ZTO, 1));
            assertSentTo("/api/EOrderService", "1007");
            assertThat(sentData().path("OrderCode").stringValue()).isEqualTo("FH1083");
        }

        @Test
        void readsTheWaybillItsSortingDataAndSubNumbers() {
            IssuedWaybill w = KdniaoMapper.waybill(KdniaoMapper.result(Payloads.read("kdniao/1007-response.json")));
            assertThat(w).isEqualTo(new IssuedWaybill(Carrier.ZTO, "73100000000001", "杭州 西湖 D11", "311-J11-11", "浙江杭州转运中心"));
            IssuedWaybill multi = KdniaoMapper.waybill(KdniaoMapper.result(Payloads.read("kdniao/1007-response-multi.json")));
            assertThat(multi.trackingNumber()).isEqualTo("YT7000000000001");
            assertThat(multi.subTrackingNumbers()).containsExactly("YT7000000000002", "YT7000000000003");
        }

        @Test
        void readsARefusal() {
            server.answering(Payloads.read("kdniao/1007-error.json"));
            assertThatThrownBy(() -> connector(true).issueWaybill(account(Carrier.ZTO), CREDENTIALS, request(Carrier.ZTO, 1)))
                    .isInstanceOf(CourierException.class).hasMessageContaining("105").hasMessageContaining("面单余额不足")
                    .satisfies(e -> assertThat(((CourierException) e).retryable()).isTrue());
            assertThat(KdniaoCodes.retryable("104")).isFalse();
        }
    }

    @Nested
    class Cancel1147 {

        @Test
        void buildsTheRequest() {
            JsonNode r = json(KdniaoMapper.cancelRequest(Carrier.ZTO, "FH1083", "73100000000001", CREDENTIALS));
            assertThat(fields(r)).containsExactly("ShipperCode", "OrderCode", "ExpNo", "CustomerName", "CustomerPwd");
            assertThat(r.path("ExpNo").stringValue()).isEqualTo("73100000000001");
        }

        @Test
        void postsToEOrderServiceSigned() throws Exception {
            server.answering(Payloads.read("kdniao/1147-response.json"));
            connector(true).cancelWaybill(account(Carrier.ZTO), CREDENTIALS, "FH1083",
                    new IssuedWaybill(Carrier.ZTO, "73100000000001", null, null, null));
            assertSentTo("/api/EOrderService", "1147");
        }

        @Test
        void readsTheConfirmation() {
            KdniaoMapper.Result r = KdniaoMapper.result(Payloads.read("kdniao/1147-response.json"));
            assertThat(r.success()).isTrue();
            assertThat(r.resultCode()).isEqualTo(KdniaoCodes.OK);
        }

        @Test
        void readsARefusalOfACollectedParcel() {
            server.answering(Payloads.read("kdniao/1147-error.json"));
            assertThatThrownBy(() -> connector(true).cancelWaybill(account(Carrier.ZTO), CREDENTIALS, "FH1083",
                    new IssuedWaybill(Carrier.ZTO, "73100000000001", null, null, null)))
                    .isInstanceOf(CourierException.class).hasMessageContaining("已揽收");
        }
    }

    @Nested
    class Balance1127 {

        @Test
        void buildsTheRequest() {
            JsonNode r = json(KdniaoMapper.balanceRequest(Carrier.ZTO, CREDENTIALS));
            assertThat(fields(r)).containsExactly("ShipperCode", "CustomerName", "CustomerPwd", "StationCode", "StationName");
        }

        @Test
        void postsToEOrderServiceSigned() throws Exception {
            server.answering(Payloads.read("kdniao/1127-response.json"));
            connector(true).balance(account(Carrier.ZTO), CREDENTIALS);
            assertSentTo("/api/EOrderService", "1127");
            assertThat(sentData().path("ShipperCode").stringValue()).isEqualTo("ZTO");
        }

        @Test
        void readsTheBalance() {
            assertThat(KdniaoMapper.balance(KdniaoMapper.result(Payloads.read("kdniao/1127-response.json"))))
                    .isEqualTo(new WaybillBalance(352, 2000));
        }

        @Test
        void readsARefusal() {
            server.answering(Payloads.read("kdniao/1127-error.json"));
            assertThatThrownBy(() -> connector(true).balance(account(Carrier.ZTO), CREDENTIALS))
                    .isInstanceOf(CourierException.class).hasMessageContaining("104")
                    .satisfies(e -> assertThat(((CourierException) e).retryable()).isFalse());
        }
    }

    @Nested
    class Query1002And8001 {

        final TraceQuery zto = new TraceQuery(Carrier.ZTO, "73100000000001", "FH1083", "6666");

        @Test
        void buildsTheRequestWithThePhoneTailOnlyForSf() {
            assertThat(fields(json(KdniaoMapper.traceRequest(zto)))).containsExactly("OrderCode", "ShipperCode", "LogisticCode");
            JsonNode sf = json(KdniaoMapper.traceRequest(new TraceQuery(Carrier.SF, "SF7444407670710", null, "6666")));
            assertThat(fields(sf)).containsExactly("ShipperCode", "LogisticCode", "CustomerName");
            assertThat(sf.path("CustomerName").stringValue()).isEqualTo("6666");
        }

        @Test
        void postsToEbusinessOrderHandleSigned() throws Exception {
            server.answering(Payloads.read("kdniao/8001-response.json"));
            connector(true).trace(account(Carrier.ZTO), CREDENTIALS, zto);
            assertSentTo("/Ebusiness/EbusinessOrderHandle.aspx", "8001");
            connector(false).trace(account(Carrier.ZTO), CREDENTIALS, zto);
            assertSentTo("/Ebusiness/EbusinessOrderHandle.aspx", "1002");
        }

        @Test
        void readsEveryLineWithItsState() {
            TraceSnapshot monitor = KdniaoMapper.trace(json(Payloads.read("kdniao/8001-response.json")));
            assertThat(monitor.carrier()).isEqualTo(Carrier.STO);
            assertThat(monitor.events()).hasSize(7);
            assertThat(monitor.events().get(0)).isEqualTo(new TraceEvent(Instant.parse("2020-10-14T03:45:41Z"), "杭州市",
                    "浙江临安西部公司-公司萌凯食品-已收件", "1", ParcelState.COLLECTED));
            assertThat(monitor.events()).extracting(TraceEvent::state).containsExactly(ParcelState.COLLECTED, ParcelState.IN_TRANSIT,
                    ParcelState.IN_TRANSIT, ParcelState.IN_TRANSIT, ParcelState.OUT_FOR_DELIVERY, ParcelState.OUT_FOR_DELIVERY,
                    ParcelState.DELIVERED);
            assertThat(monitor.courierState()).isEqualTo(ParcelState.DELIVERED);
            // the basic service has no per-line codes: only the newest line carries the overall state
            TraceSnapshot basic = KdniaoMapper.trace(json(Payloads.read("kdniao/1002-response.json")));
            assertThat(basic.events()).extracting(TraceEvent::state).containsExactly(null, null, null, ParcelState.DELIVERED);
        }

        @Test
        void readsNoTraceAsEmptyAndARefusalAsAnError() {
            server.answering(Payloads.read("kdniao/8001-no-trace.json"));
            assertThat(connector(true).trace(account(Carrier.ZTO), CREDENTIALS, zto).found()).isFalse();
            server.answering(Payloads.read("kdniao/8001-error.json"));
            assertThatThrownBy(() -> connector(true).trace(account(Carrier.ZTO), CREDENTIALS, zto))
                    .isInstanceOf(CourierException.class).hasMessageContaining("104");
        }
    }

    @Nested
    class Subscribe1008And8008 {

        final TraceQuery zto = new TraceQuery(Carrier.ZTO, "73100000000001", "FH1083", null);

        @Test
        void buildsTheRequestWithoutConsumerData() {
            JsonNode r = json(KdniaoMapper.traceRequest(zto));
            assertThat(fields(r)).doesNotContain("Sender", "Receiver").contains("ShipperCode", "LogisticCode");
        }

        @Test
        void postsToDistSigned() throws Exception {
            server.answering(Payloads.read("kdniao/8008-response.json"));
            connector(true).subscribe(account(Carrier.ZTO), CREDENTIALS, zto);
            assertSentTo("/api/dist", "8008");
            connector(false).subscribe(account(Carrier.ZTO), CREDENTIALS, zto);
            assertSentTo("/api/dist", "1008");
        }

        @Test
        void readsTheConfirmation() {
            KdniaoMapper.Result r = KdniaoMapper.result(Payloads.read("kdniao/8008-response.json"));
            assertThat(r.success()).isTrue();
            assertThat(r.body().path("UpdateTime").stringValue()).isEqualTo("2024-05-06 10:11:12");
        }

        @Test
        void readsARefusal() {
            server.answering(Payloads.read("kdniao/8008-error.json"));
            assertThatThrownBy(() -> connector(true).subscribe(account(Carrier.ZTO), CREDENTIALS, zto))
                    .isInstanceOf(CourierException.class).hasMessageContaining("必填");
        }
    }

    @Nested
    class Push101And102 {

        final String requestData = Payloads.read("kdniao/102-push.json");

        ReceivedPush read(String requestType, String sign) {
            return connector(true).readPush(new PushRequest("application/x-www-form-urlencoded",
                    Map.of("RequestData", requestData, "RequestType", requestType, "DataSign", sign), ""),
                    ref -> "1237100".equals(ref) ? List.of(Map.of("AppKey", "someone-elses-key"), CREDENTIALS) : List.of());
        }

        @Test
        void buildsTheReplyKdniaoExpects() {
            JsonNode reply = json(connector(true).answerPush("1237100", true, null).body());
            assertThat(fields(reply)).containsExactly("EBusinessID", "UpdateTime", "Success", "Reason");
            assertThat(reply.path("UpdateTime").stringValue()).isEqualTo("2024-05-07 09:30:00");
            assertThat(reply.path("Success").asBoolean()).isTrue();
        }

        @Test
        void acceptsOnlyAPushSignedWithTheAccountsAppKey() {
            assertThat(read("102", KdniaoSigner.dataSign(requestData, APP_KEY)).signed()).isTrue();
            assertThat(read("101", KdniaoSigner.dataSign(requestData, APP_KEY)).accountRef()).isEqualTo("1237100");
            assertThatThrownBy(() -> read("102", KdniaoSigner.dataSign(requestData, "not-the-key")))
                    .isInstanceOf(CourierException.class).hasMessageContaining("DataSign");
        }

        @Test
        void readsTheTracesOfKnownCarriers() {
            ReceivedPush push = read("102", KdniaoSigner.dataSign(requestData, APP_KEY));
            assertThat(push.traces()).singleElement().satisfies(t -> {
                assertThat(t.carrier()).isEqualTo(Carrier.ZTO);
                assertThat(t.trackingNumber()).isEqualTo("73100000000001");
                assertThat(t.events()).extracting(TraceEvent::state)
                        .containsExactly(ParcelState.COLLECTED, ParcelState.IN_TRANSIT, ParcelState.OUT_FOR_DELIVERY);
            });
        }

        @Test
        void refusesWhatIsNotATracePush() {
            assertThatThrownBy(() -> read("1007", KdniaoSigner.dataSign(requestData, APP_KEY))).isInstanceOf(CourierException.class)
                    .hasMessageContaining("RequestType");
            assertThatThrownBy(() -> connector(true).readPush(new PushRequest("application/x-www-form-urlencoded",
                    Map.of("RequestData", "not json", "RequestType", "102", "DataSign", "x"), ""), ref -> List.of()))
                    .isInstanceOf(CourierException.class).hasMessageContaining("unreadable");
        }
    }

    static List<String> fields(JsonNode node) {
        return StreamSupport.stream(node.propertyNames().spliterator(), false).toList();
    }
}
