package io.fahuo.simulator.doudian;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's message push: each message is POSTed as {@code [{tag, msg_id, data}]} with {@code data} a JSON
 * string, header {@code app-id} and {@code event-sign} = MD5(app_key + body + app_secret), and sent again
 * with growing pauses until the receiver answers {@code {"code":0}} (at most {@link #MAX_ATTEMPTS} times).
 */
public final class DoudianPusher {

    static final int MAX_ATTEMPTS = 15;
    private static final Logger log = LoggerFactory.getLogger(DoudianPusher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Posts a body with headers; returns the receiver's answer, or null if it could not be reached. */
    @FunctionalInterface
    public interface Transport {
        String post(String url, Map<String, String> headers, String body);
    }

    public record Sent(String tag, String msgId, String body, int attempt, boolean acknowledged) {
    }

    private record Pending(String tag, String msgId, String body, int attempts, long dueMillis) {
    }

    private final String appKey;
    private final String appSecret;
    private final Transport transport;
    private final java.util.function.Supplier<String> defaultUrl;
    private volatile String url;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final List<Sent> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private ScheduledExecutorService executor;

    /** {@code url}: where to push; blank means {@code defaultUrl}, "off" pushes nothing. */
    public DoudianPusher(String appKey, String appSecret, String url, java.util.function.Supplier<String> defaultUrl, Transport transport) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.url = url;
        this.defaultUrl = defaultUrl;
        this.transport = transport;
    }

    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-doudian-push");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::deliverDue, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String url() {
        return url == null || url.isBlank() ? defaultUrl.get() : url;
    }

    /** Queues a message; {@code data} becomes the JSON string of the message's data field. */
    public String push(String tag, Map<String, Object> data) {
        String msgId = Long.toString(System.currentTimeMillis()) + HexFormat.of().formatHex(longBytes(seq.incrementAndGet()))
                + HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong())).substring(0, 6);
        String body = JSON.writeValueAsString(List.of(Map.of("tag", tag, "msg_id", msgId, "data", JSON.writeValueAsString(data))));
        if (!"off".equals(url())) {
            queue.add(new Pending(tag, msgId, body, 0, 0));
        }
        return msgId;
    }

    public String sign(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest((appKey + body + appSecret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every delivery attempt so far, oldest first. */
    public List<Sent> sent() {
        return List.copyOf(deliveries);
    }

    public int pending() {
        return queue.size();
    }

    public void reset() {
        queue.clear();
        deliveries.clear();
    }

    /** Sends what is due now; also called by tests that want delivery without waiting. */
    public void deliverDue() {
        long now = System.currentTimeMillis();
        List<Pending> again = new ArrayList<>();
        Pending p;
        int budget = queue.size();
        while (budget-- > 0 && (p = queue.poll()) != null) {
            if (p.dueMillis() > now) {
                again.add(p);
                continue;
            }
            String target = url();
            if (target == null || target.isBlank() || "off".equals(target)) {
                again.add(p);
                continue;
            }
            boolean acked = false;
            try {
                String answer = transport.post(target, Map.of("Content-Type", "application/json", "app-id", appKey,
                        "event-sign", sign(p.body())), p.body());
                if (answer != null) {
                    JsonNode a = JSON.readTree(answer);
                    acked = a.path("code").isNumber() && a.path("code").asInt() == 0;
                }
            } catch (RuntimeException e) {
                acked = false;
            }
            int attempt = p.attempts() + 1;
            deliveries.add(new Sent(p.tag(), p.msgId(), p.body(), attempt, acked));
            while (deliveries.size() > 2000) {
                deliveries.remove(0);
            }
            if (!acked) {
                if (attempt >= MAX_ATTEMPTS) {
                    log.warn("Douyin push {} (tag {}) given up after {} attempts", p.msgId(), p.tag(), attempt);
                } else {
                    long pause = Math.min(Duration.ofMinutes(1).toMillis(), 500L << Math.min(attempt - 1, 7));
                    again.add(new Pending(p.tag(), p.msgId(), p.body(), attempt, now + pause));
                }
            }
        }
        queue.addAll(again);
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }
}
