package io.fahuo.simulator.doudian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.fahuo.platforms.doudian.DoudianPush;

/**
 * The simulated platform's push: signed as Fahuo's verifier expects (the two written independently), and sent
 * again with pauses until the receiver acknowledges with {@code {"code":0}}.
 */
class DoudianPusherTest {

    record Received(String url, Map<String, String> headers, String body) {
    }

    @Test
    void aPushIsSignedAndRepeatedUntilAcknowledged() {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        DoudianPusher pusher = new DoudianPusher("7000000000000000001", "push-secret", "", () -> "http://fahuo/webhooks/doudian",
                (url, headers, body) -> {
                    received.add(new Received(url, headers, body));
                    return switch (calls.incrementAndGet()) {
                        case 1 -> null;                                      // unreachable
                        case 2 -> "{\"code\":500,\"msg\":\"busy\"}";        // not an acknowledgement
                        default -> DoudianPush.ACK;
                    };
                });
        String msgId = pusher.push("105", Map.of("p_id", 6920000000000000001L, "shop_id", 4463798));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            pusher.deliverDue();
            return pusher.pending() == 0;
        });
        assertThat(received).hasSize(3).allSatisfy(r -> {
            assertThat(r.url()).isEqualTo("http://fahuo/webhooks/doudian");
            assertThat(r.headers()).containsEntry("app-id", "7000000000000000001");
            assertThat(DoudianPush.verify("7000000000000000001", r.body(), "push-secret", r.headers().get("event-sign"))).isTrue();
        });
        List<DoudianPush.Message> messages = DoudianPush.parse(received.get(0).body());
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.msgId()).isEqualTo(msgId);
            assertThat(m.tag()).isEqualTo("105");
            assertThat(m.orderId()).isEqualTo("6920000000000000001");
            assertThat(m.shopId()).isEqualTo("4463798");
        });
        assertThat(pusher.sent()).extracting(DoudianPusher.Sent::acknowledged).containsExactly(false, false, true);
        // every attempt carries the same msg_id, so the receiver can take it once
        assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
    }

    @Test
    void offPushesNothing() {
        AtomicInteger calls = new AtomicInteger();
        DoudianPusher pusher = new DoudianPusher("k", "s", "off", () -> "http://x", (u, h, b) -> {
            calls.incrementAndGet();
            return DoudianPush.ACK;
        });
        pusher.push("100", Map.of("p_id", 1));
        pusher.deliverDue();
        assertThat(calls).hasValue(0);
        assertThat(pusher.pending()).isZero();
    }
}
