package io.fahuo.couriers.kdniao;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.fahuo.couriers.CourierException;

/** HTTP transport of Kdniao: a form POST of RequestData, EBusinessID, RequestType, DataSign, DataType=2. */
public class KdniaoClient {

    private final HttpClient http;
    private final KdniaoSettings settings;

    public KdniaoClient(HttpClient http, KdniaoSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    public String post(String baseUrl, String path, String eBusinessId, String appKey, String requestType, String requestData) {
        String form = "RequestData=" + enc(requestData)
                + "&EBusinessID=" + enc(eBusinessId)
                + "&RequestType=" + enc(requestType)
                + "&DataSign=" + enc(KdniaoSigner.dataSign(requestData, appKey))
                + "&DataType=2";
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CourierException("io", "Kdniao " + requestType + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CourierException("interrupted", "Kdniao " + requestType + " interrupted", true, e);
        }
        if (response.statusCode() != 200) {
            throw new CourierException("http-" + response.statusCode(), "Kdniao " + requestType + " answered HTTP " + response.statusCode(),
                    response.statusCode() >= 500 || response.statusCode() == 429);
        }
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
