package io.fahuo.simulator.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.env.Environment;

/**
 * A simulated courier's outgoing push: the receiver's URL (configured, or this server's own webhook), and a
 * POST that returns the receiver's answer, or null when it could not be reached.
 */
public final class Webhook {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String configuredUrl;
    private final String ownPath;
    private final Environment env;

    public Webhook(String configuredUrl, String ownPath, Environment env) {
        this.configuredUrl = configuredUrl;
        this.ownPath = ownPath;
        this.env = env;
    }

    public String url() {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            return configuredUrl;
        }
        return "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080")) + ownPath;
    }

    public String post(String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
