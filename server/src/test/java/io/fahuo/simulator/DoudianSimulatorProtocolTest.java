package io.fahuo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.platforms.doudian.DoudianClient;
import io.fahuo.platforms.doudian.DoudianJson;
import io.fahuo.platforms.doudian.DoudianSettings;
import io.fahuo.platforms.doudian.DoudianSigner;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The simulated platform refuses what the real one refuses, with the real codes. */
class DoudianSimulatorProtocolTest extends IntegrationTest {

    @Autowired
    SimProperties props;

    private JsonNode call(Clock clock, String secret, String method, Map<String, ?> params, String token) {
        DoudianClient client = new DoudianClient(HttpClient.newHttpClient(), DoudianSettings.of(Duration.ofSeconds(5), 100, 50000), clock);
        String body = client.post(new DoudianClient.Call("http://127.0.0.1:" + port + "/sim/doudian", props.doudian().appKey(), secret,
                method, token), params);
        return DoudianJson.parse(body);
    }

    private String token() {
        JsonNode r = call(Clock.systemUTC(), props.doudian().appSecret(), "token.create",
                Map.of("code", "", "grant_type", "authorization_self", "shop_id", props.doudian().shopId()), null);
        assertThat(r.path("code").asInt()).isEqualTo(10000);
        assertThat(r.path("data").path("expires_in").asLong()).isEqualTo(604800);
        return r.path("data").path("access_token").stringValue();
    }

    @Test
    void aWrongSecretIsASignatureError() {
        JsonNode r = call(Clock.systemUTC(), "wrong-secret", "order.searchList", Map.of("update_time_start", 1), "t");
        assertThat(r.path("code").asInt()).isEqualTo(40003);
        assertThat(r.path("sub_code").stringValue()).isEqualTo("isv.signature-invalid");
    }

    @Test
    void aClockMoreThanFiveMinutesOffIsATimestampError() {
        Clock skewed = Clock.fixed(Instant.now().minusSeconds(301), ZoneOffset.UTC);
        JsonNode r = call(skewed, props.doudian().appSecret(), "order.searchList", Map.of("update_time_start", 1), "t");
        assertThat(r.path("sub_code").stringValue()).isEqualTo("isv.timestamp-invalid");
        Clock slightlyOff = Clock.fixed(Instant.now().minusSeconds(200), ZoneOffset.UTC);
        JsonNode ok = call(slightlyOff, props.doudian().appSecret(), "order.logisticsCompanyList", Map.of(), token());
        assertThat(ok.path("code").asInt()).isEqualTo(10000);
    }

    @Test
    void businessCallsNeedAValidToken() {
        String secret = props.doudian().appSecret();
        assertThat(call(Clock.systemUTC(), secret, "order.searchList", Map.of("update_time_start", 1), null)
                .path("sub_code").stringValue()).isEqualTo("isv.access-token-missing");
        assertThat(call(Clock.systemUTC(), secret, "order.searchList", Map.of("update_time_start", 1), "made-up")
                .path("sub_code").stringValue()).isEqualTo("isv.access-token-no-existed");
    }

    @Test
    void pagingRulesAreThePlatforms() {
        String secret = props.doudian().appSecret();
        String token = token();
        long now = Instant.now().getEpochSecond();
        assertThat(call(Clock.systemUTC(), secret, "order.searchList", Map.of("update_time_start", now - 60, "size", 101, "page", 0), token)
                .path("sub_code").stringValue()).isEqualTo("isv.parameter-invalid:20008");
        assertThat(call(Clock.systemUTC(), secret, "order.searchList", Map.of("size", 10, "page", 0), token)
                .path("sub_code").stringValue()).isEqualTo("isv.parameter-invalid:20011");
        assertThat(call(Clock.systemUTC(), secret, "order.searchList", Map.of("update_time_start", now - 91L * 86400, "size", 10, "page", 0), token)
                .path("sub_code").stringValue()).isEqualTo("isv.parameter-invalid:20022");
        assertThat(call(Clock.systemUTC(), secret, "order.searchList", Map.of("update_time_start", now - 60, "size", 100, "page", 500), token)
                .path("sub_code").stringValue()).isEqualTo("isv.parameter-invalid:20013");
    }

    @Test
    void anUnsortedBodySignedOverTheSortedFormIsAccepted() throws Exception {
        // the official Java SDK posts an unsorted body but signs a sorted copy; the platform re-canonicalises
        String token = token();
        String ts = Long.toString(Instant.now().getEpochSecond());
        String unsorted = "{\"size\":10,\"page\":0,\"update_time_start\":" + (Instant.now().getEpochSecond() - 60) + "}";
        String sorted = DoudianJson.canonical(DoudianJson.parse(unsorted).propertyNames().stream()
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> DoudianJson.parse(unsorted).get(k).asLong())));
        String sign = DoudianSigner.sign(DoudianSigner.Method.MD5, props.doudian().appKey(), props.doudian().appSecret(),
                "order.searchList", sorted, ts);
        String url = "http://127.0.0.1:" + port + "/sim/doudian/order/searchList?app_key=" + props.doudian().appKey()
                + "&method=order.searchList&v=2&timestamp=" + ts + "&sign=" + sign + "&access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(unsorted)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(DoudianJson.parse(r.body()).path("code").asInt()).isEqualTo(10000);
    }

    @Test
    void onlyAnOrderAwaitingShipmentCanShipAndOnlyOnce() {
        String secret = props.doudian().appSecret();
        String token = token();
        String id = sim().createOrders(props.doudian().shopId(), 1, Map.of("status", 1)).get(0);
        Map<String, Object> ship = Map.of("order_id", id, "company_code", "zhongtong", "logistics_code", "73100000000009");
        assertThat(call(Clock.systemUTC(), secret, "order.logisticsAdd", ship, token).path("sub_code").stringValue())
                .isEqualTo("isv.business-failed:60001");
        sim().pay(id);
        assertThat(call(Clock.systemUTC(), secret, "order.logisticsAdd", Map.of("order_id", id, "company_code", "nope",
                "logistics_code", "73100000000009"), token).path("sub_code").stringValue()).isEqualTo("isv.business-failed:60018");
        assertThat(call(Clock.systemUTC(), secret, "order.logisticsAdd", ship, token).path("code").asInt()).isEqualTo(10000);
        assertThat(call(Clock.systemUTC(), secret, "order.logisticsAdd", ship, token).path("sub_code").stringValue())
                .isEqualTo("isv.business-failed:60110");
        String cancelled = sim().createOrders(props.doudian().shopId(), 1, Map.of()).get(0);
        sim().cancel(cancelled);
        assertThat(call(Clock.systemUTC(), secret, "order.logisticsAdd", Map.of("order_id", cancelled, "company_code", "zhongtong",
                "logistics_code", "73100000000010"), token).path("sub_code").stringValue()).isEqualTo("isv.business-failed:60021");
    }
}
