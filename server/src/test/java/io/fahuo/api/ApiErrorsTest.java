package io.fahuo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;

class ApiErrorsTest extends IntegrationTest {

    @Test
    void healthIsPublicAndEverythingElseNeedsAToken() {
        assertThat(api(null).get("/actuator/health").status()).isEqualTo(200);
        ApiClient.Response r = api(null).get("/api/v1/orders");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(api("not-a-token-at-all").get("/api/v1/orders").status()).isEqualTo(401);
    }

    @Test
    void theBootstrapTokenIsAnAdminTokenOfTheDefaultTenant() {
        assertThat(api("integration-test-admin-token").get("/api/v1/orders").status()).isEqualTo(200);
    }

    @Test
    void badParametersGetProblemJson() {
        Fixtures.Merchant m = fixtures.merchant("api-errors", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        for (String path : new String[] {"/api/v1/orders?status=LOST", "/api/v1/orders?page=-1", "/api/v1/orders?size=0",
                "/api/v1/orders?size=abc", "/api/v1/shipments/1/label?size=10x10", "/api/v1/shipments/1/label?format=gif"}) {
            ApiClient.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().path("detail").stringValue()).as(path).isNotBlank();
        }
        ApiClient.Response missing = api.get("/api/v1/orders/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oneTenantCannotSeeAnothersOrders() {
        Fixtures.Merchant a = fixtures.merchant("tenant-a", Fixtures.Options.standard());
        Fixtures.Merchant b = fixtures.merchant("tenant-b", Fixtures.Options.standard());
        sim().createOrders(a.platformShopId(), 1, java.util.Map.of());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> api(a.token()).getJson("/api/v1/orders").path("total").asInt() == 1);
        long orderOfA = api(a.token()).getJson("/api/v1/orders").path("items").get(0).path("id").asLong();
        assertThat(api(b.token()).get("/api/v1/orders/" + orderOfA).status()).isEqualTo(404);
        assertThat(api(b.token()).getJson("/api/v1/orders").path("total").asInt()).isZero();
    }
}
