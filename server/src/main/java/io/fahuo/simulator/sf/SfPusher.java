package io.fahuo.simulator.sf;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimProperties;
import io.fahuo.simulator.parcels.Journey;
import io.fahuo.simulator.parcels.ParcelJourneys;
import io.fahuo.simulator.parcels.Scan;
import io.fahuo.simulator.push.Webhook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SF's route push for the partner's own waybills: JSON {@code {"Body":{"WaybillRoute":[…]}}} with the new
 * routes only; the receiver answers {@code {"return_code":"0000"}}, anything else is pushed again.
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class SfPusher implements ParcelJourneys.PushSink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SfPlatform platform;
    private final Webhook webhook;

    SfPusher(SfPlatform platform, ParcelJourneys journeys, SimProperties properties, Environment env) {
        this.platform = platform;
        this.webhook = new Webhook(properties.sf().pushUrl(), "/webhooks/sf", env);
        journeys.addSink(this);
    }

    @Override
    public boolean serves(Journey journey) {
        return platform.owner().equals(journey.owner());
    }

    @Override
    public boolean push(Journey journey, List<Scan> newScans, List<Scan> allVisible) {
        List<Map<String, Object>> routes = newScans.stream().map(s -> {
            Map<String, Object> r = new java.util.LinkedHashMap<>(SfRoutes.route(s));
            r.put("mailno", journey.number());
            r.put("id", journey.number() + "-" + s.at().toEpochMilli());
            return r;
        }).toList();
        String reply = webhook.post("application/json;charset=UTF-8", JSON.writeValueAsString(Map.of("Body", Map.of("WaybillRoute", routes))));
        if (reply == null) {
            return false;
        }
        JsonNode answer = JSON.readTree(reply);
        return "0000".equals(answer.path("return_code").asString(""));
    }
}
