package io.fahuo.simulator.kdniao;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;
import io.fahuo.simulator.parcels.Journey;
import io.fahuo.simulator.parcels.ParcelJourneys;
import io.fahuo.simulator.parcels.Scan;
import io.fahuo.simulator.push.Webhook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kdniao's trace push to the account's callback URL: a form POST of RequestData
 * {@code {EBusinessID, PushTime, Count, Data[full trace]}}, RequestType 101 (basic) or 102 (在途监控) and
 * DataSign; the receiver answers {@code {EBusinessID, UpdateTime, Success, Reason}}, and a push not taken
 * is sent again.
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class KdniaoPusher implements ParcelJourneys.PushSink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KdniaoPlatform platform;
    private final SimClock clock;
    private final Webhook webhook;

    KdniaoPusher(KdniaoPlatform platform, ParcelJourneys journeys, SimClock clock, SimProperties properties, Environment env) {
        this.platform = platform;
        this.clock = clock;
        this.webhook = new Webhook(properties.kdniao().pushUrl(), "/webhooks/kdniao", env);
        journeys.addSink(this);
    }

    @Override
    public boolean serves(Journey journey) {
        return platform.subscription(journey.number()).isPresent();
    }

    @Override
    public boolean push(Journey journey, List<Scan> newScans, List<Scan> allVisible) {
        KdniaoPlatform.Subscription s = platform.subscription(journey.number()).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("EBusinessID", s.eBusinessId());
        data.put("PushTime", KdniaoTraces.TIME.format(clock.now()));
        data.put("Count", "1");
        data.put("Data", List.of(KdniaoTraces.trace(s.eBusinessId(), s.shipperCode(), journey.number(), null, allVisible, s.monitor())));
        String requestData = JSON.writeValueAsString(data);
        String form = "RequestData=" + enc(requestData) + "&DataSign=" + enc(platform.sign(requestData))
                + "&RequestType=" + (s.monitor() ? "102" : "101");
        String reply = webhook.post("application/x-www-form-urlencoded;charset=utf-8", form);
        if (reply == null) {
            return false;
        }
        JsonNode answer = JSON.readTree(reply);
        return answer.path("Success").asBoolean(false);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
