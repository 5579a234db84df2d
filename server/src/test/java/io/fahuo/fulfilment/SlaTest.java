package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import io.fahuo.orders.OrderIntake;
import io.fahuo.orders.domain.IncomingLine;
import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.orders.domain.PlatformState;
import io.fahuo.orders.domain.ReceiverSnapshot;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Ship-by deadlines: the at-risk queue, the overdue list, alerts in the API and signed on a webhook. */
class SlaTest extends IntegrationTest {

    @Autowired
    OrderIntake intake;

    record Received(String signature, String event, String body) {
    }

    @Test
    void ordersCloseToOrPastTheirDeadlineAreQueuedAndAlertedOnce() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/alerts", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Fahuo-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Fahuo-Event"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Fixtures.Merchant m = fixtures.merchant("sla", Fixtures.Options.standard().withoutAutoShip());
            ApiClient api = api(m.token());
            JsonNode settings = api.put("/api/v1/settings/fulfilment", "{\"allowSplit\":false,\"atRiskHours\":6,"
                    + "\"slaAlertWebhookUrl\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts\"}").json();
            String secret = settings.path("slaAlertWebhookSecret").stringValue();
            assertThat(secret).hasSize(48);
            assertThat(api.put("/api/v1/settings/fulfilment", "{\"atRiskHours\":0}").status()).isEqualTo(400);

            Instant now = Instant.now();
            intake.accept(m.tenantId(), m.shopId(), "DOUDIAN", List.of(
                    order("SLA-OVERDUE", now.minus(Duration.ofHours(50)), now.minus(Duration.ofHours(2))),
                    order("SLA-AT-RISK", now.minus(Duration.ofHours(44)), now.plus(Duration.ofHours(4))),
                    order("SLA-FINE", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(47))),
                    order("SLA-RULE", now.minus(Duration.ofHours(45)), null)));

            assertThat(api.getJson("/api/v1/sla/overdue").valueStream().map(i -> i.path("platformOrderId").stringValue()))
                    .containsExactly("SLA-OVERDUE");
            JsonNode atRisk = api.getJson("/api/v1/sla/at-risk");
            assertThat(atRisk.valueStream().map(i -> i.path("platformOrderId").stringValue())).containsExactly("SLA-RULE", "SLA-AT-RISK");
            assertThat(atRisk.get(1).path("secondsLeft").asLong()).isBetween(3 * 3600L, 4 * 3600L);

            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
            assertThat(received).extracting(Received::event).containsExactlyInAnyOrder("sla.overdue", "sla.at_risk", "sla.at_risk");
            for (Received r : received) {
                assertThat(r.signature()).isEqualTo("sha256=" + Sla.sign(secret, r.body()));
            }
            // alerts are raised once per order and kind, however often the watch runs
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);
            JsonNode alerts = api.getJson("/api/v1/sla/alerts");
            assertThat(alerts).hasSize(3).allSatisfy(a -> assertThat(a.path("deliveredAt").isString()).isTrue());
            assertThat(api.get("/api/v1/sla/alerts?limit=0").status()).isEqualTo(400);
        } finally {
            receiver.stop(0);
        }
    }

    private static IncomingOrder order(String id, Instant paid, Instant shipBy) {
        return new IncomingOrder(id, "2", PlatformState.SHIPPABLE, 4900, paid, paid, paid, shipBy, null, null,
                new ReceiverSnapshot("浙江省", "杭州市", "西湖区", "西溪街道", "李*", "138****1234", "文三路****", null),
                List.of(new IncomingLine(id + "-1", "1", "FH-TEE-WHT-M", "T恤", null, 1, 4900)));
    }
}
