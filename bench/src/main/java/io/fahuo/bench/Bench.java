package io.fahuo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./benchmark [phase…] [--option=value…]}: starts the server jar on a fresh PostgreSQL database, runs the
 * phases (all by default: ingest, pipeline, flash, labels, queries, footprint) and writes
 * {@code bench/results/latest.json} and the table in {@code docs/benchmarks.md}. {@code ./benchmark table} only
 * rewrites the table from the JSON.
 */
public final class Bench {

    static final List<String> PHASES = List.of("ingest", "pipeline", "flash", "labels", "queries", "footprint");
    /** Each phase's share of the 15 minutes (the build and the start come first); a phase over it is reported. */
    static final Map<String, Integer> BUDGET_SECONDS = Map.of("loopback", 25, "ingest", 60, "pipeline", 230, "flash", 220,
            "labels", 20, "labels-job", 20, "queries", 200, "footprint", 40);

    public static void main(String[] args) throws Exception {
        List<String> phases = new ArrayList<>();
        Config config = Config.parse(args, phases);
        if (phases.equals(List.of("table"))) {
            Report.markdownOnly(config.root);
            return;
        }
        for (String p : phases) {
            if (!PHASES.contains(p)) {
                throw new IllegalArgumentException("unknown phase '" + p + "'; phases: " + PHASES);
            }
        }
        if (phases.isEmpty()) {
            phases.addAll(PHASES);
        }
        List<String> selected = PHASES.stream().filter(phases::contains).toList();
        if (!Files.exists(config.serverJar)) {
            throw new IllegalStateException(config.serverJar + " is missing: build it first (./bench does)");
        }
        long t0 = System.currentTimeMillis();
        Run run = new Run(config);
        Map<String, Object> machine = machine(run);
        Run.log("bench: phases %s on %s", selected, machine);
        run.db.recreate();
        Path runDir = config.runDir();
        deleteTree(runDir);
        run.server = ServerProcess.start(config, runDir, "first");
        // a bench stopped with Ctrl-C or kill takes its server with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run.server.close();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        run.api = new Api(config);
        Run.log("server up on port %d in %.1f s (pid %d)", config.port, run.server.startMillis / 1000.0, run.server.pid());
        Thread analyzer = autovacuumStandIn(run, machine);
        try {
            // enough stock for any flash sale; the demo seeds 100,000 of each product
            run.db.execute("update stock_level set on_hand = on_hand + 10000000 where tenant_id = ?", Run.TENANT);
            if (selected.contains("footprint")) {
                FootprintPhase.start(run, "footprint.start", "Server start, empty database (java -jar → health UP, migrations)",
                        run.server.startMillis);
            }
            if (selected.contains("pipeline") || selected.contains("flash")) {
                phase(run, "loopback", () -> {
                    LoopbackPhase.run(run);
                    DbLoopbackPhase.run(run);
                });
            }
            if (selected.contains("labels")) {
                phase(run, "labels", () -> LabelPhase.renderers(run));
            }
            if (selected.contains("pipeline")) {
                phase(run, "pipeline", () -> PipelinePhase.run(run));
            }
            if (selected.contains("flash")) {
                phase(run, "flash", () -> FlashSalePhase.run(run));
            }
            // after the pipeline: the shop sync re-reads the last 2 minutes of orders (fahuo.sync.overlap) on every run,
            // so the ingest's 20,000 orders would otherwise slow the pipeline phase down
            if (selected.contains("ingest")) {
                phase(run, "ingest", () -> IngestPhase.run(run));
            }
            if (selected.contains("labels")) {
                phase(run, "labels-job", () -> {
                    if (run.db.number("select count(*) from shipment where tenant_id = ? and status = 'SHIPPED'", Run.TENANT) < 50) {
                        run.db.execute("update shop set auto_ship = true where tenant_id = ?", Run.TENANT);
                        FlashSalePhase.burst(run, 60, 120_000);
                    }
                    LabelPhase.printJob(run);
                });
            }
            if (selected.contains("queries")) {
                phase(run, "queries", () -> QueryPhase.run(run));
            }
            if (selected.contains("footprint")) {
                phase(run, "footprint", () -> FootprintPhase.restart(run));
            }
        } finally {
            if (analyzer != null) {
                analyzer.interrupt();
            }
            run.server.close();
        }
        machine.put("loadAverageAtEnd", loadAverage());
        long total = System.currentTimeMillis() - t0;
        Report.write(run, machine, selected, total);
        Run.log("done in %.0f s: bench/results/latest.json, docs/benchmarks.md", total / 1000.0);
    }

    /**
     * A PostgreSQL with autovacuum off (this machine's) never gathers statistics on the fresh bench database, and the
     * planner then walks whole tables for one order's rows. Production runs autovacuum; standing in for it, the bench
     * analyzes the database every 30 s while autovacuum is off, and says so in the results.
     */
    private static Thread autovacuumStandIn(Run run, Map<String, Object> machine) throws Exception {
        String autovacuum;
        try (var c = run.db.connect()) {
            autovacuum = Db.string(c, "show autovacuum");
        }
        machine.put("autovacuum", autovacuum.equals("on") ? "on"
                : "off on this server: the bench runs ANALYZE every 30 s in its place");
        if (autovacuum.equals("on")) {
            return null;
        }
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(30_000);
                    run.db.execute("analyze");
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    Run.log("  analyze failed: %s", e.getMessage());
                }
            }
        }, "autovacuum-stand-in");
        t.setDaemon(true);
        t.start();
        return t;
    }

    interface Body {
        void run() throws Exception;
    }

    private static void phase(Run run, String name, Body body) throws Exception {
        Run.log("== %s (budget %d s)", name, BUDGET_SECONDS.getOrDefault(name, 60));
        long t0 = System.currentTimeMillis();
        body.run();
        long took = System.currentTimeMillis() - t0;
        run.phaseMillis.put(name, took);
        Run.log("   %s took %.0f s%s", name, took / 1000.0,
                took > BUDGET_SECONDS.getOrDefault(name, 60) * 1000L ? " — OVER its budget" : "");
    }

    private static Map<String, Object> machine(Run run) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("memoryGb", Math.round(memTotalKb() / 1024.0 / 1024.0 * 10) / 10.0);
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("postgres", run.db.pgVersion());
        m.put("loadAverageAtStart", loadAverage());
        m.put("commit", git(run.config.root));
        m.put("note", "machine shared with other workloads: compare each figure with its limit from the same run");
        return m;
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
    }

    private static long memTotalKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD").start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
