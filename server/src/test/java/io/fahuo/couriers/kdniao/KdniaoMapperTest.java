package io.fahuo.couriers.kdniao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;
import io.fahuo.support.Payloads;
import tools.jackson.databind.JsonNode;

class KdniaoMapperTest {

    @Test
    void buildsThe1007RequestWithOurShipmentAsOrderCode() {
        WaybillRequest r = new WaybillRequest("FH1083", Carrier.YUNDA,
                new Party("发货仓", "057188886666", "发货科技", "浙江省", "杭州市", "余杭区", "文一西路1500号"),
                new Party("李四", "13812341234", null, "广东省", "深圳市", "南山区", "科技园南路88号"),
                List.of(new ParcelItem("纯棉短袖T恤", "FH-TEE-WHT-M", 2)), 410, null);
        JsonNode json = KdniaoMapper.JSON.readTree(KdniaoMapper.eOrderRequest(r, Map.of("CustomerName", "c", "CustomerPwd", "p"), 3));
        assertThat(json.path("OrderCode").stringValue()).isEqualTo("FH1083");
        assertThat(json.path("ShipperCode").stringValue()).isEqualTo("YD");
        assertThat(json.path("PayType").asInt()).isEqualTo(3);
        assertThat(json.path("CustomerName").stringValue()).isEqualTo("c");
        assertThat(json.path("Receiver").path("ExpAreaName").stringValue()).isEqualTo("南山区");
        assertThat(json.path("Commodity").get(0).path("Goodsquantity").asInt()).isEqualTo(2);
        assertThat(json.path("Weight").decimalValue()).isEqualByComparingTo("0.41");
    }

    @Test
    void parsesTheWaybillAndItsSortingData() {
        KdniaoMapper.Result result = KdniaoMapper.result(Payloads.read("kdniao/1007-response.json"));
        assertThat(result.success()).isTrue();
        IssuedWaybill w = KdniaoMapper.waybill(result.order());
        assertThat(w).isEqualTo(new IssuedWaybill(Carrier.ZTO, "73100000000001", "杭州 西湖 D11", "311-J11-11", "浙江杭州转运中心"));
    }

    @Test
    void parsesARefusal() {
        KdniaoMapper.Result result = KdniaoMapper.result(Payloads.read("kdniao/1007-error.json"));
        assertThat(result.success()).isFalse();
        assertThat(result.resultCode()).isEqualTo("105");
        assertThat(result.reason()).isEqualTo("面单余额不足");
        assertThat(KdniaoCodes.retryable("105")).isTrue();
        assertThat(KdniaoCodes.retryable("104")).isFalse();
    }
}
