package io.fahuo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a merchant runs it: {@code java -jar server/target/fahuo.jar} on PostgreSQL, in its own JVM, with
 * the simulators mounted (demo mode) so every platform and courier call is a real loopback HTTP round trip.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K, used (\\d+)K");

    final int port;
    final long startMillis;
    private final Process process;
    private final Path log;

    private ServerProcess(Process process, int port, Path log, long startMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startMillis = startMillis;
    }

    static ServerProcess start(Config config, Path runDir, String tag) throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        Path log = runDir.resolve("server-" + tag + ".log");
        List<String> cmd = new ArrayList<>(List.of("java"));
        if (config.jfr) {
            cmd.add("-XX:StartFlightRecording=filename=" + runDir.resolve("server-" + tag + ".jfr") + ",settings=profile,dumponexit=true");
        }
        cmd.addAll(List.of("-jar", config.serverJar.toString(),
                "--server.port=" + config.port,
                "--spring.datasource.url=" + config.jdbcUrl(),
                "--spring.datasource.username=" + config.pgUser,
                "--spring.datasource.password=",
                "--fahuo.data-dir=" + runDir.resolve("data"),
                // the simulated shop gets orders only from the bench, and enough waybill numbers for every phase
                "--fahuo.sim.doudian.trickle-seconds=0",
                "--fahuo.sim.doudian.initial-orders=0",
                "--fahuo.sim.kdniao.initial-balance=10000000",
                // parcels travel in real time: at the demo's 720x a flash sale's parcels would flood the server with
                // trace pushes a real day spreads over hours
                "--fahuo.sim.parcels.speed=1",
                "--fahuo.sim.parcels.stall-rate=0", "--fahuo.sim.parcels.loss-rate=0", "--fahuo.sim.parcels.return-rate=0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("FAHUO_BOOTSTRAP_ADMIN_TOKEN", config.token);
        pb.environment().put("FAHUO_BOOTSTRAP_ADMIN_PASSWORD", config.password);
        long t0 = System.nanoTime();
        Process p = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + config.port + "/actuator/health");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited during start (code " + p.exitValue() + "):\n" + tail(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return new ServerProcess(p, config.port, log, (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not report UP within 240 s:\n" + tail(log));
    }

    long pid() {
        return process.pid();
    }

    /** Heap in use after a full collection (the live set), in MB, through jcmd. */
    double heapAfterFullGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("unexpected GC.heap_info output: " + info);
        }
        return Long.parseLong(m.group(2)) / 1024.0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
