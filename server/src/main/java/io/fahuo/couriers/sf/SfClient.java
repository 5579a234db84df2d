package io.fahuo.couriers.sf;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.fahuo.couriers.CourierFormClient;

/**
 * HTTP transport of SF's 丰桥 gateway: a form POST of partnerID, requestID, serviceCode, timestamp (ms),
 * msgDigest and msgData to {@code /std/service}.
 */
public class SfClient {

    private final CourierFormClient http;
    private final Clock clock;

    public SfClient(HttpClient http, SfSettings settings, Clock clock) {
        this.http = new CourierFormClient(http, settings.timeout());
        this.clock = clock;
    }

    public String post(String baseUrl, String partnerId, String checkWord, String serviceCode, String msgData) {
        String timestamp = Long.toString(clock.millis());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("partnerID", partnerId);
        form.put("requestID", UUID.randomUUID().toString());
        form.put("serviceCode", serviceCode);
        form.put("timestamp", timestamp);
        form.put("msgDigest", SfSigner.msgDigest(msgData, timestamp, checkWord));
        form.put("msgData", msgData);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.post(baseUrl, SfCodes.PATH, body, "SF " + serviceCode);
    }
}
