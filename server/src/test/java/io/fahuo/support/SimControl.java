package io.fahuo.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Drives the simulators' control endpoints, as a test harness drives someone else's sandbox. */
public class SimControl {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    public SimControl(int port) {
        this("http://127.0.0.1:" + port);
    }

    public SimControl(String base) {
        this.base = base;
    }

    public void authorizeShop(String shopId) {
        post("/sim/doudian/_control/shops/" + shopId, "");
    }

    public List<String> createOrders(String shopId, int count, Map<String, Object> spec) {
        Map<String, Object> body = new LinkedHashMap<>(spec);
        body.put("shopId", shopId);
        body.put("count", count);
        Map<String, Object> answer = JSON.readValue(post("/sim/doudian/_control/orders", JSON.writeValueAsString(body)),
                new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) answer.get("order_ids");
        return ids;
    }

    public Map<String, Object> douyinOrder(String orderId) {
        return JSON.readValue(get("/sim/doudian/_control/orders/" + orderId), new TypeReference<Map<String, Object>>() { });
    }

    public List<Map<String, Object>> ledger() {
        return JSON.readValue(get("/sim/doudian/_control/ledger"), new TypeReference<List<Map<String, Object>>>() { });
    }

    public List<Map<String, Object>> waybills() {
        return JSON.readValue(get("/sim/kdniao/_control/waybills"), new TypeReference<List<Map<String, Object>>>() { });
    }

    public void cancel(String orderId) {
        post("/sim/doudian/_control/orders/" + orderId + "/cancel", "");
    }

    public void pay(String orderId) {
        post("/sim/doudian/_control/orders/" + orderId + "/pay", "");
    }

    public void douyinKnobs(int latencyMillis, double errorRate, int qps) {
        douyinChaos(latencyMillis, errorRate, qps, 0, 0);
    }

    /** All Douyin chaos knobs: latency, share refused with 20000, QPS limit, share of HTTP 502, share of lost replies. */
    public void douyinChaos(int latencyMillis, double errorRate, int qps, double http5xxRate, double lostReplyRate) {
        post("/sim/doudian/_control/knobs", JSON.writeValueAsString(Map.of("latencyMillis", latencyMillis, "errorRate", errorRate,
                "qpsLimit", qps, "http5xxRate", http5xxRate, "lostReplyRate", lostReplyRate)));
    }

    public Map<String, Object> douyinFaults() {
        return JSON.readValue(get("/sim/doudian/_control/faults"), new TypeReference<Map<String, Object>>() { });
    }

    /** Changes a Douyin order without its push (as if the message got lost). */
    public void douyinQuietly(String orderId, Map<String, Object> change) {
        post("/sim/doudian/_control/orders/" + orderId + "/quietly", JSON.writeValueAsString(change));
    }

    public void kdniaoErrorRate(double rate) {
        post("/sim/kdniao/_control/error-rate?rate=" + rate, "");
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public String postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
