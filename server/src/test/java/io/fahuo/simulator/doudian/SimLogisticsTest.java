package io.fahuo.simulator.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.fahuo.platforms.doudian.DoudianJson;
import io.fahuo.platforms.doudian.DoudianSigner;
import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;
import io.fahuo.simulator.parcels.ParcelJourneys;

/** The simulated platform's e-waybill and logistics-edit rules, called as the Open API is called (signed, with a token). */
class SimLogisticsTest {

    static final String KEY = "7000000000000000001";
    static final String SECRET = "sim-secret";
    static final String SHOP = "4463798";

    final SimClock clock = new SimClock();
    /** Bound like the application binds them, so settings added later keep their defaults here. */
    final SimProperties props = new Binder(new MapConfigurationPropertySource(Map.of("fahuo.sim.enabled", "true",
            "fahuo.sim.doudian.app-key", KEY, "fahuo.sim.doudian.app-secret", SECRET, "fahuo.sim.doudian.shop-id", SHOP)))
            .bind("fahuo.sim", SimProperties.class).get();
    final DoudianPlatform platform = new DoudianPlatform(props, clock);
    final ParcelJourneys parcels = new ParcelJourneys(clock, props);
    final SimLogistics logistics = new SimLogistics(platform, parcels, clock);
    final String token;

    SimLogisticsTest() {
        token = (String) data(call("token.create", Map.of("code", "", "grant_type", "authorization_self", "shop_id", SHOP), null))
                .get("access_token");
    }

    Map<String, Object> call(String method, Map<String, ?> params, String accessToken) {
        String body = DoudianJson.canonical(params);
        String ts = Long.toString(clock.now().getEpochSecond());
        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", KEY);
        q.put("method", method);
        q.put("v", "2");
        q.put("timestamp", ts);
        q.put("sign_method", "hmac-sha256");
        q.put("sign", DoudianSigner.sign(DoudianSigner.Method.HMAC_SHA256, KEY, SECRET, method, body, ts));
        if (accessToken != null) {
            q.put("access_token", accessToken);
        }
        return platform.handle(method, q, body);
    }

    Map<String, Object> call(String method, Map<String, ?> params) {
        return call(method, params, token);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> answer) {
        assertThat(answer.get("code")).as(String.valueOf(answer)).isEqualTo(10000);
        return (Map<String, Object>) answer.get("data");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> data, String field) {
        return (List<Map<String, Object>>) data.get(field);
    }

    String order() {
        return platform.createOrders(SHOP, 1, SimOrderFactory.Spec.DEFAULT).get(0);
    }

    Map<String, Object> orderInfo(String orderId, String packId) {
        Map<String, Object> o = platform.snapshot(orderId);
        @SuppressWarnings("unchecked")
        Map<String, Object> addr = (Map<String, Object>) o.get("post_addr");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("order_id", orderId);
        info.put("pack_id", packId);
        info.put("receiver_info", Map.of(
                "address", Map.of("province_name", "浙江省", "city_name", "杭州市", "district_name", "西湖区",
                        "detail_address", addr.get("encrypt_detail")),
                "contact", Map.of("name", o.get("encrypt_post_receiver"), "mobile", o.get("encrypt_post_tel"))));
        info.put("items", List.of(Map.of("item_name", "T恤", "item_count", 1)));
        return info;
    }

    Map<String, Object> create(List<Map<String, Object>> infos) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("logistics_code", "zhongtong");
        p.put("sender_info", Map.of("address", Map.of("province_name", "浙江省", "city_name", "杭州市", "district_name", "滨江区",
                "detail_address", "江南大道100号"), "contact", Map.of("name", "仓库", "mobile", "13800000000")));
        p.put("order_infos", infos);
        return call("logistics.newCreateOrder", p);
    }

    int balance() {
        return Integer.parseInt((String) list(data(call("logistics.listShopNetsite", Map.of("logistics_code", "zhongtong"))), "netsites")
                .get(0).get("amount"));
    }

    @Test
    void theSameOrderAndPackGetTheSameNumberAndANewPackANewOne() {
        String id = order();
        int before = balance();
        String first = (String) list(data(create(List.of(orderInfo(id, "FH1")))), "ebill_infos").get(0).get("track_no");
        String again = (String) list(data(create(List.of(orderInfo(id, "FH1")))), "ebill_infos").get(0).get("track_no");
        String second = (String) list(data(create(List.of(orderInfo(id, "FH2")))), "ebill_infos").get(0).get("track_no");
        assertThat(again).isEqualTo(first);
        assertThat(second).isNotEqualTo(first).matches("^7[3-68]\\d{12}$");
        assertThat(balance()).as("one number taken per waybill, none for the repeat").isEqualTo(before - 2);
        assertThat(logistics.waybills()).hasSize(2);
    }

    @Test
    void refusesCancelledOrdersForeignCiphertextsAndEmptyBalances() {
        String cancelled = order();
        platform.cancel(cancelled);
        String other = order();
        Map<String, Object> mismatched = orderInfo(order(), "FH9");
        mismatched.put("receiver_info", orderInfo(other, "x").get("receiver_info"));
        Map<String, Object> unknown = orderInfo(other, "FH3");
        unknown.put("order_id", "6900000000000000001");
        Map<String, Object> d = data(create(List.of(orderInfo(cancelled, "FH1"), mismatched, unknown)));
        assertThat(list(d, "ebill_infos")).isEmpty();
        assertThat(list(d, "err_infos")).extracting(e -> e.get("pack_id") + " " + e.get("err_code")).containsExactly(
                "FH1 100003", "FH9 100004", "FH3 100001");

        logistics.setBalance(SHOP, "zhongtong", 0);
        assertThat(list(data(create(List.of(orderInfo(other, "FH4")))), "err_infos").get(0).get("err_msg")).isEqualTo("电子面单余额不足");
    }

    @Test
    void takesAtMostFiftyOrdersPerCall() {
        List<Map<String, Object>> infos = new ArrayList<>();
        String id = order();
        for (int i = 0; i < 51; i++) {
            infos.add(orderInfo(id, "FH" + i));
        }
        Map<String, Object> answer = create(infos);
        assertThat(answer.get("code")).isEqualTo(40004);
        assertThat(answer.get("sub_msg")).asString().contains("50");
    }

    @Test
    void aWaybillCanBeCancelledUntilTheCarrierCollectsItAndGivesItsNumberBack() {
        String a = order();
        String b = order();
        String first = (String) list(data(create(List.of(orderInfo(a, "FH1")))), "ebill_infos").get(0).get("track_no");
        String second = (String) list(data(create(List.of(orderInfo(b, "FH1")))), "ebill_infos").get(0).get("track_no");
        int before = balance();
        assertThat(data(call("logistics.cancelOrder", Map.of("logistics_code", "zhongtong", "track_no", first)))).containsEntry("cancel_result", true);
        assertThat(data(call("logistics.cancelOrder", Map.of("logistics_code", "zhongtong", "track_no", first))))
                .as("cancelling again changes nothing").containsEntry("cancel_result", true);
        assertThat(balance()).isEqualTo(before + 1);
        assertThat(list(data(create(List.of(orderInfo(a, "FH1")))), "err_infos").get(0).get("err_code"))
                .as("a cancelled pack stays cancelled").isEqualTo("100005");
        Map<String, Object> print = data(call("logistics.waybillApply",
                Map.of("waybill_applies", List.of(Map.of("logistics_code", "zhongtong", "track_no", first),
                        Map.of("logistics_code", "zhongtong", "track_no", second)))));
        assertThat(list(print, "waybill_infos")).extracting(w -> w.get("track_no")).containsExactly(second);
        assertThat(list(print, "err_infos")).extracting(w -> w.get("err_code")).containsExactly("100012");

        clock.advance(Duration.ofHours(3));
        Map<String, Object> refused = call("logistics.cancelOrder", Map.of("logistics_code", "zhongtong", "track_no", second), token);
        assertThat(refused.get("sub_code")).isEqualTo("isv.business-failed:100011");
    }

    @Test
    void logisticsEditReplacesTheNumberOfAShippedOrderOnly() {
        String notShipped = order();
        assertThat(call("order.logisticsEdit", Map.of("order_id", notShipped, "company_code", "zhongtong", "logistics_code", "73100000000001"))
                .get("sub_code")).isEqualTo("isv.business-failed:100020");
        String shipped = order();
        data(call("order.logisticsAdd", Map.of("order_id", shipped, "company_code", "zhongtong", "logistics_code", "73100000000001")));
        data(call("order.logisticsEdit", Map.of("order_id", shipped, "company_code", "yuantong", "logistics_code", "YT1234567890123")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) platform.snapshot(shipped).get("logistics_info");
        assertThat(shown).singleElement().satisfies(l -> {
            assertThat(l.get("tracking_no")).isEqualTo("YT1234567890123");
            assertThat(l.get("company")).isEqualTo("yuantong");
        });
        assertThat(call("order.logisticsEdit", Map.of("order_id", shipped, "company_code", "nope", "logistics_code", "1"))
                .get("sub_code")).isEqualTo("isv.business-failed:60018");
        String cancelled = order();
        platform.cancel(cancelled);
        assertThat(call("order.logisticsEdit", Map.of("order_id", cancelled, "company_code", "zhongtong", "logistics_code", "73100000000002"))
                .get("sub_code")).isEqualTo("isv.business-failed:60021");
        assertThat(logistics.edits()).extracting(SimLogistics.Edit::accepted).containsExactly(false, true, false, false);
        assertThat(logistics.edits().get(1).oldTrackNo()).isEqualTo("73100000000001");
    }

    @Test
    void stockTakesAnIdempotentIdOnceAndTheShopsSales() {
        SimStock skus = new SimStock(platform, clock);
        data(call("sku.syncStock", Map.of("code", "FH-MUG-350", "incremental", false, "stock_num", 10)));
        data(call("sku.syncStock", Map.of("code", "FH-MUG-350", "incremental", true, "idempotent_id", "a1", "stock_num", 5)));
        Map<String, Object> repeat = call("sku.syncStock", Map.of("code", "FH-MUG-350", "incremental", true, "idempotent_id", "a1", "stock_num", 5));
        assertThat(repeat.get("sub_code")).isEqualTo("isv.parameter-invalid:40010");
        assertThat(skus.stock(SHOP, "FH-MUG-350")).as("the repeat changed nothing").isEqualTo(15);
        assertThat(call("sku.syncStock", Map.of("code", "FH-MUG-350", "incremental", true, "stock_num", 1)).get("sub_code"))
                .isEqualTo("isv.missing-parameter");
        assertThat(call("sku.syncStock", Map.of("code", "FH-MUG-350", "incremental", true, "idempotent_id", "a2", "stock_num", -16))
                .get("sub_code")).isEqualTo("isv.business-failed:40021");
        assertThat(call("sku.syncStock", Map.of("code", "NO-SUCH", "incremental", false, "stock_num", 1)).get("sub_code"))
                .isEqualTo("isv.business-failed:40020");
        data(call("sku.syncStock", Map.of("sku_id", "1768000000201", "incremental", false, "stock_num", 0)));
        assertThat(skus.stock(SHOP, "FH-MUG-350")).as("absolute 0 by sku_id").isZero();
        data(call("sku.syncStock", Map.of("code", "FH-MUG-350", "incremental", false, "stock_num", 3)));
        platform.createOrders(SHOP, 1, new SimOrderFactory.Spec(null, List.of("FH-MUG-350"), null, false, false, null, null));
        assertThat(skus.stock(SHOP, "FH-MUG-350")).as("a sale deducts").isLessThan(3);
        assertThat(skus.calls()).extracting(SimStock.Call::accepted).containsExactly(true, true, false, false, false, false, true, true);
    }
}
