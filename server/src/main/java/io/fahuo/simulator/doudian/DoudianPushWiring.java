package io.fahuo.simulator.doudian;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimProperties;

/** Gives the simulated platform its message push: to the configured URL, or this server's {@code /webhooks/doudian}. */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class DoudianPushWiring implements SmartLifecycle {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final DoudianPusher pusher;
    private volatile boolean running;

    DoudianPushWiring(DoudianPlatform platform, SimProperties properties, Environment env) {
        SimProperties.Doudian c = properties.doudian();
        this.pusher = new DoudianPusher(c.appKey(), c.appSecret(), c.pushUrl(),
                () -> "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080")) + "/webhooks/doudian",
                DoudianPushWiring::post);
        platform.setPusher(pusher);
    }

    static String post(String url, java.util.Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void start() {
        pusher.start();
        running = true;
    }

    @Override
    public void stop() {
        pusher.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
