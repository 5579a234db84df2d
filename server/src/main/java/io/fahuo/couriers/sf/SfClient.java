package io.fahuo.couriers.sf;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.fahuo.couriers.CourierException;

/**
 * HTTP transport of SF's 丰桥 gateway: a form POST of partnerID, requestID, serviceCode, timestamp (ms),
 * msgDigest and msgData to {@code /std/service}.
 */
public class SfClient {

    private final HttpClient http;
    private final SfSettings settings;
    private final Clock clock;

    public SfClient(HttpClient http, SfSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
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
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + SfCodes.PATH))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CourierException("io", "SF " + serviceCode + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CourierException("interrupted", "SF " + serviceCode + " interrupted", true, e);
        }
        if (response.statusCode() != 200) {
            throw new CourierException("http-" + response.statusCode(), "SF " + serviceCode + " answered HTTP " + response.statusCode(),
                    response.statusCode() >= 500 || response.statusCode() == 429);
        }
        return response.body();
    }
}
