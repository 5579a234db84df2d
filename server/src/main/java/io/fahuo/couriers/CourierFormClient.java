package io.fahuo.couriers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP call both Chinese courier gateways make: a UTF-8 form POST whose 200 answer is the body, and whose
 * failures are {@link CourierException}s (network and 5xx/429 retryable, other statuses not). Each courier's
 * client builds its own form and signs it.
 */
public final class CourierFormClient {

    private final HttpClient http;
    private final Duration timeout;

    public CourierFormClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** POSTs {@code form} to {@code baseUrl + path}; {@code what} names the call in errors ("Kdniao 1007"). */
    public String post(String baseUrl, String path, String form, String what) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CourierException("io", what + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CourierException("interrupted", what + " interrupted", true, e);
        }
        if (response.statusCode() != 200) {
            throw new CourierException("http-" + response.statusCode(), what + " answered HTTP " + response.statusCode(),
                    response.statusCode() >= 500 || response.statusCode() == 429);
        }
        return response.body();
    }
}
