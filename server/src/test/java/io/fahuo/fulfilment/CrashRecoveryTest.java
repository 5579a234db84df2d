package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.fahuo.FahuoApplication;
import io.fahuo.simulator.SimulatorServer;
import io.fahuo.support.ApiClient;
import io.fahuo.support.SimControl;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 during the demo, start again: no order gets two waybills, none is written back twice, none is
 * stuck. The platforms (simulators) run in this JVM and survive; Fahuo runs as a separate process that is
 * killed with SIGKILL in the middle of shipping.
 */
class CrashRecoveryTest {

    private static final String TOKEN = "crash-test-admin-token";
    private static final int ORDERS = 80;

    private ConfigurableApplicationContext simulators;
    private Process fahuo;

    @AfterEach
    void stop() {
        if (fahuo != null) {
            fahuo.destroyForcibly();
        }
        if (simulators != null) {
            simulators.close();
        }
    }

    @Test
    void killingTheServerMidShipmentLosesNothingAndDoublesNothing() throws Exception {
        simulators = startSimulators();
        int simPort = ((WebServerApplicationContext) simulators).getWebServer().getPort();
        SimControl sim = new SimControl(simPort);
        sim.douyinKnobs(120, 0, 0);
        String shopId = simulators.getEnvironment().getProperty("fahuo.sim.doudian.shop-id", "4463798");
        List<String> douyinIds = sim.createOrders(shopId, ORDERS, Map.of());

        int port = freePort();
        List<String> command = fahuoCommand(port, simPort);
        fahuo = start(command, 1);
        ApiClient api = new ApiClient(port, TOKEN);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> api.getJson("/api/v1/orders?status=SHIPPED&size=1").path("total").asInt() >= 5);
        int shippedBeforeCrash = api.getJson("/api/v1/orders?status=SHIPPED&size=1").path("total").asInt();
        fahuo.destroyForcibly().waitFor();
        System.out.println("killed Fahuo with " + shippedBeforeCrash + " of " + ORDERS + " orders shipped");
        assertThat(shippedBeforeCrash).as("the crash must hit mid-run").isLessThan(ORDERS);

        sim.douyinKnobs(0, 0, 0);
        fahuo = start(command, 2);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.getJson("/api/v1/orders?status=SHIPPED&size=1").path("total").asInt() == ORDERS);

        assertEveryOrderShippedExactlyOnce(api, sim, douyinIds);
    }

    @Test
    void aBatchInterruptedByACrashResumesAndShipsEachOrderOnce() throws Exception {
        simulators = startSimulators();
        int simPort = ((WebServerApplicationContext) simulators).getWebServer().getPort();
        SimControl sim = new SimControl(simPort);
        String shopId = simulators.getEnvironment().getProperty("fahuo.sim.doudian.shop-id", "4463798");
        List<String> douyinIds = sim.createOrders(shopId, ORDERS, Map.of());

        int port = freePort();
        List<String> command = fahuoCommand(port, simPort, "--fahuo.demo.auto-ship=false", "--fahuo.batch.parallelism=4");
        fahuo = start(command, 3);
        ApiClient api = new ApiClient(port, TOKEN);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> api.getJson("/api/v1/orders?status=PENDING&size=1").path("total").asInt() == ORDERS);
        List<Long> ids = api.getJson("/api/v1/orders?size=200").path("items").valueStream().map(i -> i.path("id").asLong()).toList();
        sim.douyinKnobs(150, 0, 0);
        ApiClient.Response submitted = api.post("/api/v1/batches", "{\"action\":\"ship\",\"orderIds\":" + ids + "}");
        assertThat(submitted.status()).isEqualTo(202);
        long batchId = submitted.json().path("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.getJson("/api/v1/batches/" + batchId).path("succeeded").asInt() >= 5);
        fahuo.destroyForcibly().waitFor();
        int doneBeforeCrash = sim.ledger().size();
        System.out.println("killed Fahuo mid-batch after " + doneBeforeCrash + " of " + ORDERS + " write-backs");
        assertThat(doneBeforeCrash).as("the crash must hit mid-batch").isLessThan(ORDERS);

        sim.douyinKnobs(0, 0, 0);
        fahuo = start(command, 4);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "DONE".equals(api.getJson("/api/v1/batches/" + batchId).path("status").stringValue()));
        JsonNode batch = api.getJson("/api/v1/batches/" + batchId);
        assertThat(batch.path("succeeded").asInt()).isEqualTo(ORDERS);
        assertThat(batch.path("failed").asInt()).isZero();
        assertEveryOrderShippedExactlyOnce(api, sim, douyinIds);
    }

    private void assertEveryOrderShippedExactlyOnce(ApiClient api, SimControl sim, List<String> douyinIds) {
        JsonNode items = api.getJson("/api/v1/orders?size=200").path("items");
        assertThat(items.size()).isEqualTo(ORDERS);
        Map<String, String> trackingByDouyinId = new HashMap<>();
        for (JsonNode item : items) {
            JsonNode detail = api.getJson("/api/v1/orders/" + item.path("id").asLong());
            assertThat(detail.path("status").stringValue()).isEqualTo("SHIPPED");
            assertThat(detail.path("shipments")).singleElement()
                    .satisfies(s -> assertThat(s.path("trackingNumber").isString()).isTrue());
            trackingByDouyinId.put(item.path("platformOrderId").stringValue(), item.path("trackingNumber").stringValue());
        }
        assertThat(trackingByDouyinId.keySet()).containsExactlyInAnyOrderElementsOf(douyinIds);

        // the courier issued exactly the numbers Fahuo holds: no second waybill for any order
        Set<Object> issued = new HashSet<>();
        sim.waybills().forEach(w -> issued.add(w.get("logisticCode")));
        assertThat(issued).containsExactlyInAnyOrderElementsOf(trackingByDouyinId.values());

        // Douyin accepted one write-back per order, with Fahuo's number, and shows it shipped
        Map<String, List<Object>> accepted = new HashMap<>();
        for (Map<String, Object> w : sim.ledger()) {
            if (Boolean.TRUE.equals(w.get("accepted"))) {
                accepted.computeIfAbsent((String) w.get("orderId"), k -> new ArrayList<>()).add(w.get("trackingNo"));
            }
        }
        for (String id : douyinIds) {
            assertThat(accepted.get(id)).as(id).containsExactly(trackingByDouyinId.get(id));
            assertThat(sim.douyinOrder(id).get("order_status")).isEqualTo(3);
        }

        // nothing is left reserved
        for (String sku : List.of("FH-TEE-WHT-M", "FH-TEE-BLK-L", "FH-MUG-350", "FH-SOCK-3P", "FH-CASE-IP15")) {
            for (JsonNode level : api.getJson("/api/v1/stock?sku=" + sku)) {
                assertThat(level.path("reserved").asInt()).as(sku).isZero();
            }
        }
    }

    private List<String> fahuoCommand(int port, int simPort, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), FahuoApplication.class.getName(),
                "--server.port=" + port,
                "--fahuo.demo=true", "--fahuo.sim.enabled=false",
                "--fahuo.demo.simulator-url=http://127.0.0.1:" + simPort,
                "--fahuo.bootstrap.admin-token=" + TOKEN,
                "--fahuo.sync.interval=PT1S",
                "--fahuo.scheduler.heartbeat-interval=PT3S",
                "--fahuo.pipeline.retry-max=PT2S",
                "--logging.level.root=WARN"));
        cmd.addAll(List.of(extra));
        if ("postgres".equals(System.getProperty("spring.profiles.active"))) {
            String crashDb = System.getenv().getOrDefault("FAHUO_TEST_DB", "test") + "_crash";
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + crashDb + " with (force)");
                s.execute("create database " + crashDb);
            }
            cmd.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + crashDb);
            cmd.add("--spring.datasource.username=postgres");
            cmd.add("--fahuo.data-dir=target/crash-data-pg");
        } else {
            cmd.add("--fahuo.data-dir=target/crash-data");
        }
        deleteRecursively(new File(cmd.get(cmd.size() - 1).substring("--fahuo.data-dir=".length())));
        return cmd;
    }

    private static ConfigurableApplicationContext startSimulators() {
        return new SpringApplicationBuilder(SimulatorServer.class).properties(
                "server.port=0", "spring.config.name=crash-simulators", "fahuo.sim.enabled=true",
                "fahuo.sim.doudian.trickle-seconds=0", "fahuo.sim.doudian.initial-orders=0").run();
    }

    private static Process start(List<String> command, int run) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/crash-fahuo-" + run + ".log")).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }
}
