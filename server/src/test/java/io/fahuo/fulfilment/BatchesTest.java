package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class BatchesTest extends IntegrationTest {

    @Test
    void shipsASelectionWithAResultPerOrderAndNeverTwice() {
        Fixtures.Merchant m = fixtures.merchant("batch-ship", Fixtures.Options.standard().withoutAutoShip());
        List<String> good = sim().createOrders(m.platformShopId(), 5, Map.of());
        sim().createOrders(m.platformShopId(), 1, Map.of("skuCodes", List.of("NOT-MAPPED-1")));
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders?size=50").path("total").asInt() == 6);
        // auto-ship is off: nothing moves until someone asks
        assertThat(api.getJson("/api/v1/orders?status=PENDING&size=50").path("total").asInt()).isEqualTo(6);
        List<Long> ids = api.getJson("/api/v1/orders?size=50").path("items").valueStream().map(i -> i.path("id").asLong()).toList();

        JsonNode done = runBatch(api, "ship", ids);
        assertThat(done.path("total").asInt()).isEqualTo(6);
        assertThat(done.path("succeeded").asInt()).isEqualTo(5);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        JsonNode failure = done.path("results").valueStream().filter(r -> !r.path("ok").asBoolean()).findFirst().orElseThrow();
        assertThat(failure.path("error").stringValue()).contains("unknown SKU").contains("NOT-MAPPED-1");
        assertThat(api.getJson("/api/v1/orders?status=SHIPPED&size=50").path("total").asInt()).isEqualTo(5);

        // the same batch again: every shipped order reports success, nothing reaches the platform twice
        JsonNode again = runBatch(api, "ship", ids);
        assertThat(again.path("succeeded").asInt()).isEqualTo(5);
        Map<Object, Long> writeBacks = sim().ledger().stream().filter(w -> good.contains(w.get("orderId")))
                .collect(Collectors.groupingBy(w -> w.get("orderId"), Collectors.counting()));
        assertThat(writeBacks).hasSize(5).allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
    }

    @Test
    void issuesWaybillsWithoutShippingThenHoldsAndReleases() {
        Fixtures.Merchant m = fixtures.merchant("batch-waybill", Fixtures.Options.standard().withoutAutoShip());
        sim().createOrders(m.platformShopId(), 3, Map.of());
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders?size=50").path("total").asInt() == 3);
        List<Long> ids = api.getJson("/api/v1/orders?size=50").path("items").valueStream().map(i -> i.path("id").asLong()).toList();

        assertThat(runBatch(api, "issue-waybill", ids).path("succeeded").asInt()).isEqualTo(3);
        assertThat(api.getJson("/api/v1/orders?status=WAYBILL_ISSUED&size=50").path("total").asInt()).isEqualTo(3);
        JsonNode printed = runBatch(api, "print", ids);
        assertThat(printed.path("succeeded").asInt()).isEqualTo(3);
        assertThat(printed.path("printJobIds")).hasSize(1);
        ApiClient.Response document = api.get("/api/v1/print-jobs/" + printed.path("printJobIds").get(0).asLong() + "/document");
        assertThat(document.status()).isEqualTo(200);
        assertThat(io.fahuo.support.LabelDecoder.pageCount(document.body())).isEqualTo(3);
        // printing the same orders again: their labels are already out, nothing is printed twice
        JsonNode again = runBatch(api, "print", ids);
        assertThat(again.path("succeeded").asInt()).isEqualTo(3);
        assertThat(again.path("printJobIds")).isEmpty();

        ApiClient.Response noReason = api.post("/api/v1/batches", "{\"action\":\"hold\",\"orderIds\":" + ids + "}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/batches", "{\"action\":\"hold\",\"orderIds\":" + ids + ",\"reason\":\"check stock\"}").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/v1/orders?status=ON_HOLD&size=50").path("total").asInt() == 3);
        assertThat(api.getJson("/api/v1/orders?status=ON_HOLD&size=50").path("items").get(0).path("holdReason").stringValue())
                .contains("check stock");
        runBatch(api, "release", ids);
        assertThat(api.getJson("/api/v1/orders?status=WAYBILL_ISSUED&size=50").path("total").asInt()).isEqualTo(3);
    }

    @Test
    void refusesWhatItCannotDo() {
        Fixtures.Merchant m = fixtures.merchant("batch-limits", Fixtures.Options.standard().withoutAutoShip());
        ApiClient api = api(m.token());
        List<Long> tooMany = new ArrayList<>(LongStream.rangeClosed(1, 501).boxed().toList());
        ApiClient.Response r = api.post("/api/v1/batches", "{\"action\":\"ship\",\"orderIds\":" + tooMany + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").stringValue()).contains("500");
        assertThat(api.post("/api/v1/batches", "{\"action\":\"ship\",\"orderIds\":[123456789]}").json().path("detail").stringValue())
                .contains("unknown orders");
        assertThat(api.post("/api/v1/batches", "{\"action\":\"fly\",\"orderIds\":[1]}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/batches", "{\"action\":\"ship\",\"orderIds\":[]}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/batches/42").status()).isEqualTo(404);
    }

    private JsonNode runBatch(ApiClient api, String action, List<Long> ids) {
        ApiClient.Response submitted = api.post("/api/v1/batches", "{\"action\":\"" + action + "\",\"orderIds\":" + ids + "}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        long id = submitted.json().path("id").asLong();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(api.getJson("/api/v1/batches/" + id).path("status").stringValue()));
        return api.getJson("/api/v1/batches/" + id);
    }
}
