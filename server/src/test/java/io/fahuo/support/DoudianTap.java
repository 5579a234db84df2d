package io.fahuo.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A wire tap between Fahuo and the simulated Douyin Open Platform: forwards every call unchanged and notes
 * which method it was, so a test can prove what Fahuo did (and did not) ask the platform.
 */
public final class DoudianTap implements AutoCloseable {

    public record Call(String method, String body, String answer) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public DoudianTap(String simulatorBase) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            String method = "";
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("method=")) {
                    method = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
            byte[] answer;
            int status;
            try {
                HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(simulatorBase + exchange.getRequestURI().getRawPath()
                                + (query == null ? "" : "?" + query)))
                        .header("Content-Type", "application/json;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                answer = r.body();
                status = r.statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = new byte[0];
                status = 502;
            }
            calls.add(new Call(method, new String(body, StandardCharsets.UTF_8), new String(answer, StandardCharsets.UTF_8)));
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
