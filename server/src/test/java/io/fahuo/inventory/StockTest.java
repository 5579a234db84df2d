package io.fahuo.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.inventory.domain.MovementReason;
import io.fahuo.inventory.domain.ReservationOutcome;
import io.fahuo.inventory.domain.StockLevel;
import io.fahuo.inventory.domain.StockLine;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class StockTest extends IntegrationTest {

    @Autowired
    Stock stock;
    @Autowired
    Skus skus;

    /**
     * Two workers (two connections, as two nodes would have) reserve the last unit at the same instant:
     * exactly one wins, the other is told it is short. Repeated to give the race many chances; on
     * PostgreSQL in the PostgreSQL suite.
     */
    @Test
    void theLastUnitIsNeverSoldTwice() throws Exception {
        Fixtures.Merchant m = fixtures.merchant("last-unit", Fixtures.Options.standard());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                String sku = "RACE-" + round;
                skus.create(m.tenantId(), sku, "race", 10);
                stock.setOnHand(m.tenantId(), m.warehouseId(), sku, 1, MovementReason.IMPORT, "race");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ReservationOutcome>> results = new ArrayList<>();
                for (long order : new long[] {round * 2L + 1_000_000, round * 2L + 1_000_001}) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return stock.reserve(m.tenantId(), order, m.warehouseId(), List.of(new StockLine(sku, 1)));
                    }));
                }
                int won = 0;
                for (Future<ReservationOutcome> f : results) {
                    ReservationOutcome o = f.get();
                    if (o.reserved()) {
                        won++;
                    } else {
                        assertThat(o.shortSkus()).containsExactly(sku);
                    }
                }
                assertThat(won).as("round " + round).isEqualTo(1);
                StockLevel level = stock.levels(m.tenantId(), sku).get(0);
                assertThat(level.reserved()).isEqualTo(1);
                assertThat(level.available()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void csvImportIsAllOrNothingWithRowLevelErrorsAndExportsWhatItHolds() {
        Fixtures.Merchant m = fixtures.merchant("csv", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        String bad = """
                sku_code,name,weight_grams,warehouse_code,on_hand,low_stock_threshold
                NEW-1,"新品, 白色",120,WH-1,50,10
                NEW-2,,120,WH-1,5,
                FH-MUG-350,,,NOWHERE,5,
                FH-SOCK-3P,,,WH-1,-3,
                FH-SOCK-3P,,,WH-1,x,
                """;
        ApiClient.Response rejected = api.post("/api/v1/stock/import", bad, "text/csv");
        assertThat(rejected.status()).isEqualTo(400);
        JsonNode errors = rejected.json().path("errors");
        assertThat(errors.valueStream().map(e -> e.path("row").asInt())).containsExactly(3, 4, 5, 6);
        assertThat(errors.get(0).path("message").stringValue()).contains("needs a name");
        assertThat(errors.get(1).path("message").stringValue()).contains("unknown warehouse_code 'NOWHERE'");
        assertThat(errors.get(3).path("message").stringValue()).contains("appears twice");
        assertThat(skus.unknown(m.tenantId(), List.of("NEW-1"))).as("nothing applied").containsExactly("NEW-1");

        String good = """
                sku_code,name,weight_grams,warehouse_code,on_hand,low_stock_threshold
                NEW-1,"新品, 白色",120,WH-1,5,10
                FH-MUG-350,,,WH-1,7,
                """;
        ApiClient.Response ok = api.post("/api/v1/stock/import", good, "text/csv");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.json().path("rows").asInt()).isEqualTo(2);
        assertThat(ok.json().path("skusCreated").asInt()).isEqualTo(1);
        assertThat(api.getJson("/api/v1/stock?sku=FH-MUG-350").get(0).path("onHand").asInt()).isEqualTo(7);
        assertThat(api.getJson("/api/v1/stock/low").valueStream().map(l -> l.path("code").stringValue())).containsExactly("NEW-1");

        String exported = api.get("/api/v1/stock/export").text();
        assertThat(exported).startsWith("sku_code,name,weight_grams,low_stock_threshold,warehouse_code,on_hand,reserved,available");
        assertThat(exported).contains("NEW-1,\"新品, 白色\",120,10,WH-1,5,0,5");
        assertThat(api.post("/api/v1/stock/import", "", "text/csv").status()).isEqualTo(400);
    }
}
