package io.fahuo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class WarehousesApiTest extends IntegrationTest {

    @Test
    void warehousesCarryASenderProfileAndAReturnAddress() {
        Fixtures.Merchant m = fixtures.merchant("warehouses", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        ApiClient.Response created = api.post("/api/v1/warehouses", """
                {"code":"FAC-1","name":"东莞工厂","kind":"FACTORY",
                 "sender":{"name":"东莞工厂","phone":"076988886666","province":"广东省","city":"东莞市"},
                 "returnAddress":{"name":"售后组","phone":"076988887777","address":"广东省东莞市长安镇1号"}}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode w = created.json();
        assertThat(w.path("kind").stringValue()).isEqualTo("FACTORY");
        assertThat(w.path("senderMissing").valueStream().map(JsonNode::stringValue)).containsExactly("sender district", "sender address");
        assertThat(w.path("returnAddress").path("name").stringValue()).isEqualTo("售后组");

        JsonNode fixed = api.put("/api/v1/warehouses/" + w.path("id").asLong() + "/sender", """
                {"name":"东莞工厂","phone":"076988886666","province":"广东省","city":"东莞市","district":"长安镇","address":"工业路1号"}""").json();
        assertThat(fixed.path("senderMissing")).isEmpty();
        assertThat(api.post("/api/v1/warehouses", "{\"code\":\"FAC-1\",\"name\":\"again\"}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/warehouses", "{\"code\":\"X\",\"name\":\"x\",\"kind\":\"MOON\"}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/warehouses/424242/sender", "{}").status()).isEqualTo(404);
        assertThat(api.getJson("/api/v1/warehouses")).hasSize(2);
    }
}
