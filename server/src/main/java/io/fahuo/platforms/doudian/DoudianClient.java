package io.fahuo.platforms.doudian;

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
import java.util.stream.Collectors;

import io.fahuo.platforms.PlatformException;

/**
 * HTTP transport of the Douyin Open Platform: {@code POST <base>/<method with dots as slashes>} with the
 * system parameters in the query and the canonical {@code param_json} as the JSON body. Knows nothing of
 * orders; returns the raw response body.
 */
public class DoudianClient {

    private final HttpClient http;
    private final DoudianSettings settings;
    private final Clock clock;

    public DoudianClient(HttpClient http, DoudianSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    public record Call(String baseUrl, String appKey, String appSecret, String method, String accessToken) {
    }

    public String post(Call call, Map<String, ?> params) {
        String paramJson = DoudianJson.canonical(params);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri(call, paramJson, timestamp))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(paramJson, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlatformException("io", "Douyin " + call.method() + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", "Douyin " + call.method() + " interrupted", true, e);
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw new PlatformException("http-" + response.statusCode(), "Douyin " + call.method() + " answered HTTP " + response.statusCode(), true);
        }
        if (response.statusCode() != 200) {
            throw new PlatformException("http-" + response.statusCode(), "Douyin " + call.method() + " answered HTTP " + response.statusCode(), false);
        }
        return response.body();
    }

    URI uri(Call call, String paramJson, String timestamp) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", call.appKey());
        query.put("method", call.method());
        query.put("v", "2");
        query.put("timestamp", timestamp);
        query.put("sign_method", DoudianSigner.Method.HMAC_SHA256.wireName());
        query.put("sign", DoudianSigner.sign(DoudianSigner.Method.HMAC_SHA256, call.appKey(), call.appSecret(), call.method(), paramJson, timestamp));
        if (call.accessToken() != null) {
            query.put("access_token", call.accessToken());
        }
        String base = call.baseUrl().endsWith("/") ? call.baseUrl().substring(0, call.baseUrl().length() - 1) : call.baseUrl();
        return URI.create(base + "/" + call.method().replace('.', '/') + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
