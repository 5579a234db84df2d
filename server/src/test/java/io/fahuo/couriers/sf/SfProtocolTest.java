package io.fahuo.couriers.sf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.InterceptOutcome;
import io.fahuo.couriers.domain.InterceptRequest;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.PushRequest;
import io.fahuo.couriers.domain.ReceivedPush;
import io.fahuo.couriers.domain.TraceEvent;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;
import io.fahuo.support.Payloads;
import io.fahuo.support.RecordingServer;
import tools.jackson.databind.JsonNode;

/**
 * SF Express direct, per operation: the msgData Fahuo builds, the gateway form with its msgDigest, the
 * nested answer read from a published payload, and the refusal read as a clear error. Payloads and their
 * sources: {@code payloads/SOURCES.md}.
 */
class SfProtocolTest {

    static final String CHECK_WORD = "demo-sf-checkword-7d1e";
    static final Map<String, String> CREDENTIALS = Map.of("partnerID", "FAHUO_DEMO", "checkWord", CHECK_WORD);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-07T01:30:00Z"), ZoneOffset.UTC);
    static final Party SENDER = new Party("发货仓", "057188886666", "发货科技", "浙江省", "杭州市", "余杭区", "文一西路1500号");

    final RecordingServer server = new RecordingServer();

    @AfterEach
    void stop() {
        server.close();
    }

    SfConnector connector() {
        SfSettings settings = new SfSettings(Duration.ofSeconds(5), 2);
        return new SfConnector(new SfClient(HttpClient.newHttpClient(), settings, CLOCK), settings);
    }

    CourierAccount account(int payType, String monthlyCard) {
        return new CourierAccount(9, 1, CourierProvider.SF, Carrier.SF, "sf", server.baseUrl(), payType, false, "FAHUO_DEMO", monthlyCard, null);
    }

    static WaybillRequest request(int packages) {
        return new WaybillRequest("FH1083", Carrier.SF, SENDER, new Party("李四", "13812341234", null, "广东省", "深圳市", "南山区", "科技园南路88号"),
                List.of(new ParcelItem("纯棉短袖T恤", "FH-TEE-WHT-M", 2)), 7400, null, packages);
    }

    static JsonNode json(String s) {
        return SfMapper.JSON.readTree(s);
    }

    /** The gateway form, with the msgDigest recomputed here (URL-encode, raw MD5, base64) rather than by SfSigner. */
    JsonNode assertSent(String serviceCode) throws Exception {
        RecordingServer.Request r = server.last();
        assertThat(r.path()).isEqualTo("/std/service");
        assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = r.form();
        assertThat(form.keySet()).containsExactlyInAnyOrder("partnerID", "requestID", "serviceCode", "timestamp", "msgDigest", "msgData");
        assertThat(form).containsEntry("partnerID", "FAHUO_DEMO").containsEntry("serviceCode", serviceCode)
                .containsEntry("timestamp", Long.toString(CLOCK.millis()));
        assertThat(form.get("requestID")).matches("[0-9a-f-]{36}");
        String encoded = URLEncoder.encode(form.get("msgData") + form.get("timestamp") + CHECK_WORD, StandardCharsets.UTF_8);
        assertThat(form.get("msgDigest")).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("MD5").digest(encoded.getBytes(StandardCharsets.UTF_8))));
        return json(form.get("msgData"));
    }

    @Nested
    class CreateOrder {

        @Test
        void buildsTheOrderWithBothContactsAndTheMonthlyCard() {
            JsonNode m = json(SfMapper.createOrderRequest(request(2), account(3, "7551234567"), 2));
            assertThat(fields(m)).containsExactly("language", "orderId", "cargoDetails", "contactInfoList", "monthlyCard", "payMethod",
                    "expressTypeId", "parcelQty", "totalWeight", "isReturnRoutelabel");
            assertThat(m.path("orderId").stringValue()).isEqualTo("FH1083");
            assertThat(m.path("payMethod").asInt()).isEqualTo(1);
            assertThat(m.path("parcelQty").asInt()).isEqualTo(2);
            assertThat(m.path("totalWeight").decimalValue()).isEqualByComparingTo("7.4");
            assertThat(m.path("contactInfoList").get(0).path("contactType").asInt()).isEqualTo(1);
            assertThat(m.path("contactInfoList").get(1).path("county").stringValue()).isEqualTo("南山区");
            assertThat(m.path("cargoDetails").get(0).path("count").asInt()).isEqualTo(2);
            assertThat(json(SfMapper.createOrderRequest(request(1), account(2, null), 1)).path("payMethod").asInt()).isEqualTo(2);
        }

        @Test
        void postsTheGatewayFormWithMsgDigest() throws Exception {
            server.answering(Payloads.read("sf/create-order-response.json"));
            connector().issueWaybill(account(3, "7551234567"), CREDENTIALS, request(1));
            assertThat(assertSent("EXP_RECE_CREATE_ORDER").path("monthlyCard").stringValue()).isEqualTo("7551234567");
        }

        @Test
        void readsTheWaybillFromTheNestedAnswer() {
            SfMapper.Answer a = SfMapper.answer(Payloads.read("sf/create-order-response.json"));
            assertThat(a.gatewayOk()).isTrue();
            assertThat(a.errorCode()).isEqualTo("S0000");
            assertThat(SfMapper.waybill(a.msgData())).isEqualTo(new IssuedWaybill(Carrier.SF, "SF7444407670710", "020", null, "020"));
        }

        @Test
        void readsAGatewayRefusal() {
            server.answering(Payloads.read("sf/gateway-bad-digest.json"));
            assertThatThrownBy(() -> connector().issueWaybill(account(3, "7551234567"), CREDENTIALS, request(1)))
                    .isInstanceOf(CourierException.class).hasMessageContaining("A1006").hasMessageContaining("数字签名无效")
                    .satisfies(e -> assertThat(((CourierException) e).retryable()).isFalse());
        }
    }

    @Nested
    class SearchOrder {

        @Test
        void buildsTheLookupByOrderId() {
            JsonNode m = json(SfMapper.searchOrderRequest("FH1083"));
            assertThat(fields(m)).containsExactly("orderId", "searchType", "language");
        }

        @Test
        void isAskedWhenSfSaysTheOrderExists() throws Exception {
            server.answering(Payloads.read("sf/create-order-duplicate.json"), Payloads.read("sf/search-order-response.json"));
            IssuedWaybill w = connector().issueWaybill(account(3, "7551234567"), CREDENTIALS, request(1));
            assertThat(w.trackingNumber()).isEqualTo("SF7444407670710");
            assertThat(server.requests()).hasSize(2);
            assertThat(assertSent("EXP_RECE_SEARCH_ORDER_RESP").path("orderId").stringValue()).isEqualTo("FH1083");
        }

        @Test
        void readsTheExistingWaybill() {
            SfMapper.Answer a = SfMapper.answer(Payloads.read("sf/search-order-response.json"));
            assertThat(SfMapper.waybill(a.msgData()).trackingNumber()).isEqualTo("SF7444407670710");
            assertThat(SfMapper.answer(Payloads.read("sf/create-order-duplicate.json")).errorCode()).isEqualTo(SfCodes.DUPLICATE_ORDER);
        }

        @Test
        void readsAMissingOrder() {
            server.answering(Payloads.read("sf/create-order-duplicate.json"), Payloads.read("sf/search-order-not-found.json"));
            assertThatThrownBy(() -> connector().issueWaybill(account(3, "7551234567"), CREDENTIALS, request(1)))
                    .isInstanceOf(CourierException.class).hasMessageContaining("8018");
        }
    }

    @Nested
    class CancelOrder {

        final IssuedWaybill waybill = new IssuedWaybill(Carrier.SF, "SF7444407670710", null, null, null);

        @Test
        void buildsDealTypeTwo() {
            JsonNode m = json(SfMapper.cancelOrderRequest("FH1083", "SF7444407670710"));
            assertThat(m.path("dealType").asInt()).isEqualTo(2);
            assertThat(m.path("waybillNoInfoList").get(0).path("waybillNo").stringValue()).isEqualTo("SF7444407670710");
        }

        @Test
        void postsTheGatewayFormWithMsgDigest() throws Exception {
            server.answering(Payloads.read("sf/update-order-response.json"));
            connector().cancelWaybill(account(3, "7551234567"), CREDENTIALS, "FH1083", waybill);
            assertThat(assertSent("EXP_RECE_UPDATE_ORDER").path("orderId").stringValue()).isEqualTo("FH1083");
        }

        @Test
        void readsTheCancellation() {
            assertThat(SfMapper.cancelled(SfMapper.answer(Payloads.read("sf/update-order-response.json")).msgData())).isTrue();
        }

        @Test
        void readsARefusal() {
            server.answering(Payloads.read("sf/update-order-error.json"));
            assertThatThrownBy(() -> connector().cancelWaybill(account(3, "7551234567"), CREDENTIALS, "FH1083", waybill))
                    .isInstanceOf(CourierException.class).hasMessageContaining("8252")
                    .satisfies(e -> assertThat(((CourierException) e).retryable()).isFalse());
        }
    }

    @Nested
    class SearchRoutes {

        final TraceQuery query = new TraceQuery(Carrier.SF, "SF7444407670710", "FH1083", "6666");

        @Test
        void buildsTheQueryByWaybillNumber() {
            JsonNode m = json(SfMapper.searchRoutesRequest(query));
            assertThat(fields(m)).containsExactly("language", "trackingType", "trackingNumber", "methodType", "checkPhoneNo");
            assertThat(m.path("trackingNumber").get(0).stringValue()).isEqualTo("SF7444407670710");
        }

        @Test
        void postsTheGatewayFormWithMsgDigest() throws Exception {
            server.answering(Payloads.read("sf/search-routes-response.json"));
            connector().trace(account(3, "7551234567"), CREDENTIALS, query);
            assertThat(assertSent("EXP_RECE_SEARCH_ROUTES").path("checkPhoneNo").stringValue()).isEqualTo("6666");
        }

        @Test
        void readsEveryRouteWithItsState() {
            TraceSnapshot t = SfMapper.routes(SfMapper.answer(Payloads.read("sf/search-routes-response.json")).msgData(), "SF7444407670710");
            assertThat(t.events()).hasSize(4);
            assertThat(t.events().get(0)).isEqualTo(new TraceEvent(Instant.parse("2023-11-04T02:30:56Z"), "上海市", "顺丰速运 已收取快件", "54",
                    ParcelState.COLLECTED));
            assertThat(t.events()).extracting(TraceEvent::state).containsExactly(ParcelState.COLLECTED, ParcelState.IN_TRANSIT,
                    ParcelState.IN_TRANSIT, ParcelState.IN_TRANSIT);
            assertThat(SfMapper.routes(SfMapper.answer(Payloads.read("sf/search-routes-response.json")).msgData(), "SF0").found()).isFalse();
        }

        @Test
        void readsAGatewayRefusal() {
            server.answering(Payloads.read("sf/search-routes-error.json"));
            assertThatThrownBy(() -> connector().trace(account(3, "7551234567"), CREDENTIALS, query))
                    .isInstanceOf(CourierException.class).hasMessageContaining("A1004");
        }
    }

    @Nested
    class WantedIntercept {

        final InterceptRequest request = new InterceptRequest(Carrier.SF, "SF7444407670710", "FH1083", SENDER, "refunded");

        @Test
        void buildsAReturnToTheSender() {
            JsonNode m = json(SfMapper.interceptRequest(request, account(3, "7551234567")));
            assertThat(m.path("serviceCode").stringValue()).isEqualTo("2");
            assertThat(m.path("role").stringValue()).isEqualTo("1");
            assertThat(m.path("payMode").stringValue()).isEqualTo("4");
            assertThat(m.path("monthlyCardNo").stringValue()).isEqualTo("7551234567");
            assertThat(fields(m.path("newDestAddress"))).containsExactly("province", "city", "county", "address", "contact", "phone");
            assertThat(m.path("newDestAddress").path("city").stringValue()).isEqualTo("杭州市");
        }

        @Test
        void postsTheGatewayFormWithMsgDigest() throws Exception {
            server.answering(Payloads.read("sf/intercept-response.json"));
            connector().intercept(account(3, "7551234567"), CREDENTIALS, request);
            assertThat(assertSent("EXP_RECE_WANTED_INTERCEPT").path("waybillNo").stringValue()).isEqualTo("SF7444407670710");
        }

        @Test
        void readsTheAcceptance() {
            server.answering(Payloads.read("sf/intercept-response.json"));
            assertThat(connector().intercept(account(3, "7551234567"), CREDENTIALS, request).accepted()).isTrue();
        }

        @Test
        void readsARefusalAsTheCouriersAnswer() {
            server.answering(Payloads.read("sf/intercept-refused.json"));
            InterceptOutcome o = connector().intercept(account(3, "7551234567"), CREDENTIALS, request);
            assertThat(o.accepted()).isFalse();
            assertThat(o.code()).isEqualTo("8252");
            assertThat(o.message()).contains("不能拦截");
        }
    }

    @Nested
    class RoutePush {

        @Test
        void buildsTheAnswerSfExpects() {
            assertThat(json(connector().answerPush(null, true, null).body()))
                    .isEqualTo(json("{\"return_code\":\"0000\",\"return_msg\":\"成功\"}"));
            assertThat(json(connector().answerPush(null, false, "busy").body()).path("return_code").stringValue()).isEqualTo("1000");
        }

        @Test
        void isReadAsUnsignedBecauseSfSignsNoPush() {
            ReceivedPush push = connector().readPush(new PushRequest("application/json", Map.of(), Payloads.read("sf/route-push.json")),
                    ref -> List.of());
            assertThat(push.signed()).isFalse();
            assertThat(push.accountRef()).isNull();
        }

        @Test
        void readsTheRoutesPerWaybill() {
            List<TraceSnapshot> traces = SfMapper.routePush(Payloads.read("sf/route-push.json"));
            assertThat(traces).singleElement().satisfies(t -> {
                assertThat(t.trackingNumber()).isEqualTo("SF7444703069240");
                assertThat(t.events()).extracting(TraceEvent::state).containsExactly(ParcelState.COLLECTED, ParcelState.DELIVERED);
            });
        }

        @Test
        void refusesWhatIsNotARoutePush() {
            assertThatThrownBy(() -> connector().readPush(new PushRequest("application/json", Map.of(), "{\"Body\":{}}"), ref -> List.of()))
                    .isInstanceOf(CourierException.class).hasMessageContaining("WaybillRoute");
        }
    }

    static List<String> fields(JsonNode node) {
        return StreamSupport.stream(node.propertyNames().spliterator(), false).toList();
    }
}
