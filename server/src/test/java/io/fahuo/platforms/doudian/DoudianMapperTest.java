package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
