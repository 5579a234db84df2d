package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.shipments.Labels;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import io.fahuo.support.LabelDecoder;
import tools.jackson.databind.JsonNode;

/** 合单 and splitting by hand, end to end: one waybill for several orders, several waybills for one order. */
class MergeSplitTest extends IntegrationTest {

    @Autowired
    Labels labels;

    @Test
    void ordersOfTheSameBuyerShareOneParcelAndEachIsWrittenBack() {
        Fixtures.Merchant m = fixtures.merchant("merge", Fixtures.Options.standard().withoutAutoShip());
        String a = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("FH-TEE-WHT-M"))).get(0);
        String b = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("FH-MUG-350"), "receiverOf", a)).get(0);
        String c = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("FH-MUG-350"))).get(0);
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders").path("total").asInt() == 3);
        long idA = idOf(api, a);
        long idB = idOf(api, b);
        long idC = idOf(api, c);

        JsonNode groups = api.getJson("/api/v1/merges/candidates");
        assertThat(groups).singleElement().satisfies(g -> assertThat(g.path("orderIds").valueStream().map(JsonNode::asLong)).containsExactlyInAnyOrder(idA, idB));
        ApiClient.Response different = api.post("/api/v1/merges", "{\"orderIds\":[" + idA + "," + idC + "]}");
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.json().path("detail").stringValue()).contains("different receiver");
        assertThat(api.post("/api/v1/merges", "{\"orderIds\":[" + idA + "]}").status()).isEqualTo(400);

        ApiClient.Response merged = api.post("/api/v1/merges", "{\"orderIds\":[" + idA + "," + idB + "]}");
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        long parcel = merged.json().path("shipmentId").asLong();

        api.post("/api/v1/batches", "{\"action\":\"ship\",\"orderIds\":[" + idA + "," + idB + "]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.getJson("/api/v1/orders?status=SHIPPED").path("total").asInt() == 2);
        String tracking = api.getJson("/api/v1/orders/" + idA).path("trackingNumber").stringValue();
        assertThat(api.getJson("/api/v1/orders/" + idB).path("trackingNumber").stringValue()).isEqualTo(tracking);
        assertThat(api.getJson("/api/v1/orders/" + idB).path("shipments")).singleElement()
                .satisfies(s -> assertThat(s.path("id").asLong()).isEqualTo(parcel));
        assertThat(sim().waybills().stream().filter(w -> tracking.equals(w.get("logisticCode")))).hasSize(1);
        for (String douyinId : List.of(a, b)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> logistics = (List<Map<String, Object>>) sim().douyinOrder(douyinId).get("logistics_info");
            assertThat(logistics).extracting(l -> l.get("tracking_no")).containsExactly(tracking);
        }
        byte[] label = api.get("/api/v1/shipments/" + parcel + "/label").body();
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(label, 0, 203))).contains("CODE_128:" + tracking);
        assertThat(api.getJson("/api/v1/orders/" + idC).path("status").stringValue()).isEqualTo("PENDING");

        // labels read together (a print job's) carry each parcel's own contents, in the caller's order
        api.post("/api/v1/batches", "{\"action\":\"ship\",\"orderIds\":[" + idC + "]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SHIPPED".equals(api.getJson("/api/v1/orders/" + idC).path("status").stringValue()));
        long parcelC = api.getJson("/api/v1/orders/" + idC).path("shipments").get(0).path("id").asLong();
        List<LabelData> together = labels.labelData(m.tenantId(), List.of(parcelC, parcel));
        assertThat(together).extracting(LabelData::trackingNumber)
                .containsExactly(api.getJson("/api/v1/orders/" + idC).path("trackingNumber").stringValue(), tracking);
        assertThat(together.get(0).contents()).containsExactly(new LabelData.Item("FH-MUG-350", together.get(0).totalQuantity()));
        assertThat(together.get(1).contents()).extracting(LabelData.Item::sku).containsExactlyInAnyOrder("FH-TEE-WHT-M", "FH-MUG-350");
        assertThat(together.get(0).orderNumber()).isEqualTo(c);
        assertThat(together.get(1).orderNumber()).isIn(a, b);
        assertThat(together).containsExactlyElementsOf(List.of(labels.labelData(m.tenantId(), parcelC), labels.labelData(m.tenantId(), parcel))
                .stream().map(l -> new LabelData(l.trackingNumber(), l.carrierName(), l.markDestination(), l.sortingCode(), l.packageCenter(),
                        l.receiverName(), l.receiverPhone(), l.receiverAddress(), l.senderName(), l.senderPhone(), l.senderAddress(),
                        l.contents(), l.orderNumber(), together.get(0).printedAt(), l.qrContent())).toList());
    }

    @Test
    void anOrderSplitByHandShipsAsSeveralParcels() {
        Fixtures.Merchant m = fixtures.merchant("split-by-hand", Fixtures.Options.standard().withoutAutoShip());
        String douyinId = sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("FH-TEE-WHT-M", "FH-MUG-350", "FH-SOCK-3P"))).get(0);
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders").path("total").asInt() == 1);
        long id = idOf(api, douyinId);
        List<Long> lines = api.getJson("/api/v1/orders/" + id).path("lines").valueStream().map(l -> l.path("id").asLong()).toList();

        assertThat(api.post("/api/v1/merges/split/" + id, "{\"parcels\":[[" + lines.get(0) + "]]}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/merges/split/" + id, "{\"parcels\":[[" + lines.get(0) + "],[" + lines.get(0) + "," + lines.get(1) + "]]}").status())
                .isEqualTo(400);
        ApiClient.Response split = api.post("/api/v1/merges/split/" + id,
                "{\"parcels\":[[" + lines.get(0) + "],[" + lines.get(1) + "," + lines.get(2) + "]]}");
        assertThat(split.status()).as(split.text()).isEqualTo(200);
        assertThat(split.json()).hasSize(2);

        api.post("/api/v1/batches", "{\"action\":\"ship\",\"orderIds\":[" + id + "]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SHIPPED".equals(api.getJson("/api/v1/orders/" + id).path("status").stringValue()));
        JsonNode shipments = api.getJson("/api/v1/orders/" + id).path("shipments");
        assertThat(shipments).hasSize(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> logistics = (List<Map<String, Object>>) sim().douyinOrder(douyinId).get("logistics_info");
        assertThat(logistics).hasSize(2);
        assertThat(api.post("/api/v1/merges/split/" + id, "{\"parcels\":[[" + lines.get(0) + "],[" + lines.get(1) + "," + lines.get(2) + "]]}").status())
                .isEqualTo(409);
    }

    private static long idOf(ApiClient api, String douyinId) {
        return api.getJson("/api/v1/orders?size=50").path("items").valueStream()
                .filter(i -> douyinId.equals(i.path("platformOrderId").stringValue())).findFirst().orElseThrow().path("id").asLong();
    }
}
