package io.fahuo.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP to the server under test: JDK HttpClient over HTTP/1.1, the client Fahuo's own connectors use. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    final String base;
    private final String token;
    final HttpClient http;
    private HttpClient console;

    Api(Config config) {
        this.base = "http://127.0.0.1:" + config.port;
        this.token = config.token;
        this.http = client();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    JsonNode postJson(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(path);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + path + " → " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(r.body());
    }

    /** A console session (form login with CSRF token), as the merchant's browser has. */
    HttpResponse<String> consoleGet(String pathAndQuery, Config config) throws IOException, InterruptedException {
        if (console == null) {
            HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String page = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String csrf = m.group(1) != null ? m.group(1) : m.group(2);
            String form = "username=admin&password=" + URLEncoder.encode(config.password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpResponse<String> login = c.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("console login failed: " + login.statusCode() + " " + location);
            }
            console = c;
        }
        HttpResponse<String> r = console.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " → " + r.statusCode());
        }
        return r;
    }

    /** The Douyin simulator's control face: make orders in the simulated shop. */
    String[] createSimOrders(int count) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/doudian/_control/orders"))
                .timeout(Duration.ofSeconds(300)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\":" + count + "}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("creating simulated orders → " + r.statusCode() + ": " + r.body());
        }
        JsonNode ids = JSON.readTree(r.body()).get("order_ids");
        String[] out = new String[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i).asText();
        }
        return out;
    }

    void simLatency(int millis) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/doudian/_control/knobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMillis\":" + millis + ",\"errorRate\":0,\"qpsLimit\":0}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("setting the simulator's latency → " + r.statusCode() + ": " + r.body());
        }
    }

    /** Requests the server has answered so far (Micrometer's http.server.requests), all URIs together. */
    double serverRequests() throws IOException, InterruptedException {
        JsonNode m = getJson("/actuator/metrics/http.server.requests");
        for (JsonNode s : m.get("measurements")) {
            if ("COUNT".equals(s.get("statistic").asText())) {
                return s.get("value").asDouble();
            }
        }
        throw new IllegalStateException("no request count in " + m);
    }
}
