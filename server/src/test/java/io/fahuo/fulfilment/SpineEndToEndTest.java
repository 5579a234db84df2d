package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.fahuo.inventory.Stock;
import io.fahuo.inventory.domain.StockLevel;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import io.fahuo.support.LabelDecoder;
import tools.jackson.databind.JsonNode;

/**
 * The whole path with no person in the loop: paid Douyin orders are pulled, routed, given a Kdniao waybill,
 * labelled, written back to Douyin and deducted from stock.
 */
class SpineEndToEndTest extends IntegrationTest {

    @Autowired
    Stock stock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void paidDouyinOrdersShipThemselves() {
        Fixtures.Merchant m = fixtures.merchant("spine", Fixtures.Options.standard());
        List<String> douyinIds = sim().createOrders(m.platformShopId(), 6, Map.of());
        ApiClient api = api(m.token());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.getJson("/api/v1/orders?status=SHIPPED&size=50").path("total").asInt()).isEqualTo(6));

        JsonNode items = api.getJson("/api/v1/orders?size=50").path("items");
        assertThat(items.size()).isEqualTo(6);
        int unitsShipped = 0;
        for (JsonNode item : items) {
            String douyinId = item.path("platformOrderId").stringValue();
            String tracking = item.path("trackingNumber").stringValue();
            assertThat(douyinIds).contains(douyinId);
            assertThat(item.path("carrier").stringValue()).isEqualTo("ZTO");
            assertThat(tracking).matches("^7[3-68]\\d{12}$");
            assertThat(item.path("receiverMasked").stringValue()).contains("****");

            // Douyin itself shows the order shipped with our number
            Map<String, Object> onDouyin = sim().douyinOrder(douyinId);
            assertThat(onDouyin.get("order_status")).isEqualTo(3);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> logistics = (List<Map<String, Object>>) onDouyin.get("logistics_info");
            assertThat(logistics).singleElement().satisfies(l -> {
                assertThat(l.get("tracking_no")).isEqualTo(tracking);
                assertThat(l.get("company")).isEqualTo("zhongtong");
            });

            JsonNode detail = api.getJson("/api/v1/orders/" + item.path("id").asLong());
            assertThat(detail.path("shipments")).singleElement().satisfies(s -> assertThat(s.path("status").stringValue()).isEqualTo("SHIPPED"));
            assertThat(detail.path("timeline").valueStream().map(t -> t.path("step").stringValue()))
                    .contains("INTAKE", "ROUTE", "WAYBILL", "LABEL", "WRITE_BACK");
            // the pipeline checks the label's data; the label itself is drawn where it is printed
            assertThat(detail.path("timeline").valueStream().filter(t -> "LABEL".equals(t.path("step").stringValue()))
                    .map(t -> t.path("message").stringValue())).singleElement()
                    .satisfies(message -> assertThat(message).startsWith("label " + tracking + " ready (76x130)"));
            for (JsonNode line : detail.path("lines")) {
                unitsShipped += line.path("quantity").asInt();
            }

            // the label scans back to the same number
            long shipmentId = detail.path("shipments").get(0).path("id").asLong();
            ApiClient.Response label = api.get("/api/v1/shipments/" + shipmentId + "/label?format=pdf");
            assertThat(label.status()).isEqualTo(200);
            assertThat(label.contentType()).isEqualTo("application/pdf");
            assertThat(LabelDecoder.barcodes(LabelDecoder.page(label.body(), 0, 203))).contains("CODE_128:" + tracking);
        }

        // one waybill per order at the courier, one accepted write-back per order at Douyin
        List<String> trackingNumbers = items.valueStream().map(i -> i.path("trackingNumber").stringValue()).toList();
        assertThat(sim().waybills().stream().filter(w -> trackingNumbers.contains(w.get("logisticCode")))).hasSize(6);
        assertThat(sim().ledger().stream().filter(w -> douyinIds.contains(w.get("orderId")) && Boolean.TRUE.equals(w.get("accepted"))))
                .hasSize(6);

        // stock went out of the warehouse, nothing is left reserved
        int onHand = 0;
        for (String sku : List.of("FH-TEE-WHT-M", "FH-TEE-BLK-L", "FH-MUG-350", "FH-SOCK-3P", "FH-CASE-IP15")) {
            for (StockLevel level : stock.levels(m.tenantId(), sku)) {
                assertThat(level.reserved()).isZero();
                onHand += level.onHand();
            }
        }
        assertThat(onHand).isEqualTo(5 * 1000 - unitsShipped);

        // consumer data: sealed at rest, opened once per waybill and logged
        List<String> sealed = jdbc.sql("select receiver_pii_enc from orders where tenant_id = ?").param(m.tenantId()).query(String.class).list();
        assertThat(sealed).hasSize(6).allSatisfy(s -> assertThat(s).startsWith("v1:").doesNotContain("#"));
        assertThat(jdbc.sql("select count(*) from pii_access_log where tenant_id = ? and purpose = 'WAYBILL'")
                .param(m.tenantId()).query(Integer.class).single()).isEqualTo(6);
    }
}
