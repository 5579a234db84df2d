package io.fahuo.platforms.doudian;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.fahuo.platforms.TokenStore;
import io.fahuo.platforms.domain.ShopCredentials;
import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;
import io.fahuo.simulator.doudian.DoudianPlatform;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fahuo's Douyin connector wired to a private simulated platform without HTTP: the client's signed request
 * (query string and canonical body, exactly as it would go on the wire) is handed to the simulator's
 * request handler. Each instance has its own simulated clock, so tests may move time freely.
 */
final class InProcessDoudian {

    static final String APP_KEY = "7000000000000000001";
    static final String SECRET = "in-process-secret";
    static final String SHOP = "4463798";

    final SimClock simClock = new SimClock();
    final DoudianPlatform platform;
    final MemoryTokens tokens = new MemoryTokens();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final DoudianConnector connector;
    final DoudianClient client;
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return simClock.now();
        }
    };

    InProcessDoudian() {
        this(new DoudianSettings(Duration.ofSeconds(5), 100, 50000, 0, Duration.ofMinutes(30), 2));
    }

    InProcessDoudian(DoudianSettings settings) {
        SimProperties props = new SimProperties(true, new SimProperties.Doudian(APP_KEY, SECRET, SHOP, 0, 0, "off", 0),
                new SimProperties.Kdniao("1", "k", "", 1), new SimProperties.Sf("p", "c", ""),
                new SimProperties.Parcels(1, 0, 0, 0, Duration.ofSeconds(1)));
        platform = new DoudianPlatform(props, simClock);
        client = new DoudianClient(null, settings, clock) {
            @Override
            public String post(Call call, Map<String, ?> params) {
                calls.computeIfAbsent(call.method(), k -> new AtomicInteger()).incrementAndGet();
                String body = DoudianJson.canonical(params);
                URI uri = uri(call, body, Long.toString(clock.instant().getEpochSecond()));
                Map<String, String> query = new HashMap<>();
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                String pathMethod = uri.getPath().substring(uri.getPath().indexOf("/sim/doudian/") + "/sim/doudian/".length()).replace('/', '.');
                return JsonMapper.builder().build().writeValueAsString(platform.handle(pathMethod, query, body));
            }
        };
        connector = new DoudianConnector(client, tokens, clock, settings, new DoudianRateLimiter(settings.qps()), d -> { });
    }

    ShopCredentials shop() {
        return tokens.credentials(1, 1);
    }

    int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** The shop row's sealed columns, as far as the connector can tell. */
    static final class MemoryTokens implements TokenStore {
        volatile ShopCredentials stored = new ShopCredentials(1, 1, "http://sim/sim/doudian", APP_KEY, SECRET, SHOP, null, null, null);
        final Map<String, Integer> saves = new LinkedHashMap<>();

        @Override
        public synchronized void save(long tenantId, long shopId, String accessToken, Instant expiresAt, String refreshToken) {
            stored = stored.withTokens(accessToken, expiresAt, refreshToken);
            saves.merge(accessToken, 1, Integer::sum);
        }

        @Override
        public ShopCredentials credentials(long tenantId, long shopId) {
            return stored;
        }
    }
}
