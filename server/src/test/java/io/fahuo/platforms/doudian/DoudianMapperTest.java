package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fahuo.orders.domain.AfterSale;
import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.orders.domain.PlatformState;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.support.Payloads;
import tools.jackson.databind.JsonNode;

class DoudianMapperTest {

    @Test
    void readsAPageOfShopOrders() {
        DoudianMapper.Envelope env = DoudianMapper.envelope(Payloads.read("doudian/searchList-response.json"));
        assertThat(env.ok()).isTrue();
        var page = DoudianMapper.page(env.data(), 0, 100);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.isLast()).isTrue();
        IncomingOrder o = page.orders().get(0);
        assertThat(o.platformOrderId()).isEqualTo("6921234567890123456");
        assertThat(o.state()).isEqualTo(PlatformState.SHIPPABLE);
        assertThat(o.amountFen()).isEqualTo(9880);
        assertThat(o.paidAt()).isEqualTo(Instant.ofEpochSecond(1700460060));
        assertThat(o.shipBy()).isEqualTo(Instant.ofEpochSecond(1700632860));
        assertThat(o.buyerRemark()).isEqualTo("请用顺丰<script>");
        assertThat(o.receiver().nameMasked()).isEqualTo("李*");
        assertThat(o.receiver().phoneMasked()).isEqualTo("138****1234");
        assertThat(o.receiver().detailMasked()).isEqualTo("文三路****");
        assertThat(o.receiver().province()).isEqualTo("浙江省");
        assertThat(o.receiver().sensitive()).contains("#ML3B#0BB1W4adLHYf+1s8VI3eLeeK0Kq0kc8A=#1##");
        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.skuCode()).isEqualTo("FH-TEE-WHT-M");
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.spec()).isEqualTo("颜色:白色;尺码:M");
        });
    }

    @Test
    void readsABusinessErrorAndItsSubCode() {
        DoudianMapper.Envelope env = DoudianMapper.envelope(Payloads.read("doudian/logisticsAdd-already-shipped.json"));
        assertThat(env.ok()).isFalse();
        assertThat(DoudianCodes.businessCode(env.subCode())).isEqualTo(DoudianCodes.ALREADY_SHIPPED);
        assertThat(env.describe()).contains("60110").contains("订单已发货");
    }

    @Test
    void joinsDecryptedFieldsBackToReceiversAndDropsPartialOnes() {
        IncomingOrder o = DoudianMapper.page(DoudianMapper.envelope(Payloads.read("doudian/searchList-response.json")).data(), 0, 100)
                .orders().get(0);
        Map<String, String> sensitive = Map.of(o.platformOrderId(), o.receiver().sensitive());
        List<Map<String, Object>> infos = DoudianMapper.cipherInfos(sensitive);
        assertThat(infos).hasSize(3).allSatisfy(i -> assertThat(i.get("auth_id")).isEqualTo(o.platformOrderId()));

        JsonNode decrypted = DoudianJson.parse("""
                [{"auth_id":"6921234567890123456","cipher_text":"#NHrf#Yy3pMmdMT0cnnjLPl4AY2w==#1##","decrypt_text":"李四","err_no":0},
                 {"auth_id":"6921234567890123456","cipher_text":"$$1Gz$2Q0RwQ+YxdmBe2FhLNDTrg==$1$$","decrypt_text":"13812341234","err_no":0},
                 {"auth_id":"6921234567890123456","cipher_text":"#ML3B#0BB1W4adLHYf+1s8VI3eLeeK0Kq0kc8A=#1##","decrypt_text":"文三路478号","err_no":0}]""");
        Map<String, ReceiverPlaintext> r = DoudianMapper.receivers(sensitive, decrypted.valueStream().toList());
        assertThat(r.get(o.platformOrderId())).isEqualTo(new ReceiverPlaintext("李四", "13812341234", "浙江省", "杭州市", "西湖区", "西溪街道", "文三路478号"));

        JsonNode failed = DoudianJson.parse("""
                [{"auth_id":"6921234567890123456","cipher_text":"#NHrf#Yy3pMmdMT0cnnjLPl4AY2w==#1##","decrypt_text":"","err_no":300008}]""");
        assertThat(DoudianMapper.receivers(sensitive, failed.valueStream().toList())).isEmpty();
    }

    @Test
    void buildsSearchAndWriteBackParameters() {
        assertThat(DoudianJson.canonical(DoudianMapper.searchListParams(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200), 3, 100)))
                .isEqualTo("{\"order_asc\":true,\"order_by\":\"update_time\",\"page\":3,\"size\":100,\"update_time_end\":200,\"update_time_start\":100}");
        assertThat(DoudianJson.canonical(DoudianMapper.logisticsAddParams("69", "zhongtong", "73100000000001")))
                .isEqualTo("{\"company_code\":\"zhongtong\",\"logistics_code\":\"73100000000001\",\"order_id\":\"69\"}");
    }

    @Test
    void readsSubOrdersRemarksShipByAndAfterSaleOfAnOrderDetail() {
        JsonNode detail = DoudianMapper.envelope(Payloads.read("doudian/orderDetail-multi-sku-after-sale.json")).data().path("shop_order_detail");
        IncomingOrder o = DoudianMapper.order(detail);
        assertThat(o.platformOrderId()).isEqualTo("6921234567890123999");
        assertThat(o.state()).isEqualTo(PlatformState.SHIPPABLE);
        assertThat(o.buyerRemark()).isEqualTo("周末不在家,放门卫 🌸");
        assertThat(o.sellerRemark()).isEqualTo("赠品:贴纸");
        assertThat(o.shipBy()).isEqualTo(Instant.ofEpochSecond(1700632860));
        assertThat(o.lines()).extracting(l -> l.platformLineId() + "×" + l.quantity() + " " + l.skuCode())
                .containsExactly("6921234567890124001×2 FH-TEE-WHT-M", "6921234567890124002×1 FH-MUG-350");
        assertThat(o.receiver().province()).isEqualTo("新疆维吾尔自治区");
        // one sub-order has an open refund request: the whole order must not ship
        assertThat(o.afterSale()).isEqualTo(AfterSale.REQUESTED);
    }

    @Test
    void everySubOrderRefundedBeforeShippingReadsAsCancelled() {
        String json = Payloads.read("doudian/orderDetail-multi-sku-after-sale.json")
                .replace("\"after_sale_status\": 0, \"refund_status\": 0", "\"after_sale_status\": 12, \"refund_status\": 3")
                .replace("\"after_sale_status\": 6, \"refund_status\": 1", "\"after_sale_status\": 12, \"refund_status\": 3");
        IncomingOrder o = DoudianMapper.order(DoudianMapper.envelope(json).data().path("shop_order_detail"));
        assertThat(o.afterSale()).isEqualTo(AfterSale.REFUNDED);
        assertThat(o.state()).isEqualTo(PlatformState.CANCELLED);
    }

    @Test
    void afterSaleOfOneSubOrder() {
        assertThat(DoudianMapper.afterSale(DoudianJson.parse("{\"after_sale_status\":0,\"refund_status\":0}"))).isEqualTo(AfterSale.NONE);
        assertThat(DoudianMapper.afterSale(DoudianJson.parse("{\"after_sale_status\":6,\"refund_status\":1}"))).isEqualTo(AfterSale.REQUESTED);
        assertThat(DoudianMapper.afterSale(DoudianJson.parse("{\"after_sale_status\":12,\"refund_status\":3}"))).isEqualTo(AfterSale.REFUNDED);
        assertThat(DoudianMapper.afterSale(DoudianJson.parse("{\"after_sale_status\":27,\"refund_status\":0}"))).isEqualTo(AfterSale.NONE);
        assertThat(DoudianMapper.afterSale(DoudianJson.parse("{}"))).isEqualTo(AfterSale.NONE);
        assertThat(DoudianMapper.combine(List.of(AfterSale.REFUNDED, AfterSale.NONE))).isEqualTo(AfterSale.PARTLY_REFUNDED);
    }

    @Test
    void everyOrderStatusOfThePlatformIsKnown() {
        assertThat(List.of(1, 105, 2, 101, 3, 4, 5).stream().map(DoudianCodes::state).toList()).containsExactly(
                PlatformState.UNPAID, PlatformState.PAID_HELD, PlatformState.SHIPPABLE, PlatformState.PARTLY_SHIPPED,
                PlatformState.SHIPPED, PlatformState.CANCELLED, PlatformState.COMPLETED);
    }
}
