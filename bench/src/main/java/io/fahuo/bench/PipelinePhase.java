package io.fahuo.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pipeline: paid orders appear at the simulated Douyin shop at a fixed rate; Fahuo syncs them (every 5 s, its
 * default), routes, reserves stock, gets a Kdniao waybill, checks the label, auto-prints it and writes the shipment
 * back to Douyin — all over loopback HTTP. Latency runs from the moment the order was paid at the simulator to its
 * write-back; with the simulator answering at once and with 50 ms per Douyin call. Arrivals last
 * {@code --arrival-seconds}; the drain is time-boxed, and orders not shipped by then count as shipped at its end
 * (so percentiles are then lower bounds, and say so).
 */
final class PipelinePhase {

    static final long DRAIN_MILLIS = 90_000;

    static void run(Run run) throws Exception {
        run.db.execute("update shop set auto_ship = true where tenant_id = ?", Run.TENANT);
        // statistics as a running database has them, so the work per order does not depend on when ANALYZE last ran
        run.db.execute("analyze");
        for (int latency : new int[] {0, 50}) {
            fixedRate(run, latency);
        }
        run.api.simLatency(0);
    }

    private static void fixedRate(Run run, int latency) throws Exception {
        run.api.simLatency(latency);
        int rate = run.config.arrivalRate;
        int perTick = Math.max(1, rate / 10);
        Timestamp since = new Timestamp(System.currentTimeMillis());
        double requestsBefore = run.api.serverRequests();
        DbLoopbackPhase.Counters dbBefore = DbLoopbackPhase.counters(run);
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        AtomicInteger ticks = new AtomicInteger();
        int totalTicks = run.config.arrivalSeconds * 10;
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.currentTimeMillis();
        arrivals.scheduleAtFixedRate(() -> {
            if (ticks.incrementAndGet() > totalTicks) {
                return;
            }
            try {
                long now = System.currentTimeMillis();
                for (String id : run.api.createSimOrders(perTick)) {
                    createdAt.put(id, now);
                }
            } catch (Exception e) {
                Run.log("  arrival failed: %s", e.getMessage());
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        while (ticks.get() <= totalTicks) {
            Thread.sleep(100);
        }
        arrivals.shutdown();
        arrivals.awaitTermination(10, TimeUnit.SECONDS);
        long arrivalsEnd = System.currentTimeMillis();
        double offered = createdAt.size() / ((arrivalsEnd - t0) / 1000.0);
        Shipping.Outcome o = Shipping.await(run, since, createdAt.size(), DRAIN_MILLIS);
        long end = System.currentTimeMillis();
        double requests = run.api.serverRequests() - requestsBefore;
        DbLoopbackPhase.Counters db = DbLoopbackPhase.counters(run).minus(dbBefore);
        List<Double> paidToShipped = new ArrayList<>(Shipping.paidToShipped(o, createdAt));
        int missing = createdAt.size() - paidToShipped.size();
        // not shipped within the time box: counted as shipped at its end, so the percentiles are lower bounds
        for (int i = 0; i < missing; i++) {
            paidToShipped.add((double) (end - t0));
        }
        Stats paid = new Stats(paidToShipped);
        Stats pipeline = new Stats(o.ingestedToShipped());
        double firstCreated = createdAt.values().stream().mapToLong(Long::longValue).min().orElse(t0);
        double lastShipped = o.times().isEmpty() ? end : o.lastShipped();
        double sustained = o.shipped() / ((Math.max(lastShipped, missing > 0 ? end : 0) - firstCreated) / 1000.0);
        String tag = latency + "ms";
        String cond = String.format("%,d/s offered for %d s, Douyin %d ms", Math.round(offered), run.config.arrivalSeconds, latency);
        String bound = missing == 0 ? null
                : String.format("lower bound: %,d of %,d orders not shipped within the %d s drain", missing, createdAt.size(), DRAIN_MILLIS / 1000);
        Run.log("  %d orders offered at %.0f/s: %d shipped, %d held or cancelled%s", createdAt.size(), offered, o.shipped(), o.stopped(),
                o.timedOut() ? " (gave up waiting)" : "");
        if (latency == 0 && o.shipped() > 0) {
            run.requestsPerOrder = requests / o.shipped();
            run.dbStatementsPerOrder = (db.scans() + db.rowsWritten()) / (double) o.shipped();
            run.add(Figure.less("pipeline", "pipeline.requests", "HTTP requests the server answers per order", run.requestsPerOrder,
                    "req/order").note("Douyin sync pages, decrypt, Kdniao waybill and subscription, write-back, trace queries"));
            run.add(Figure.less("pipeline", "pipeline.db", "Database work per order (index and table scans + rows written)",
                    run.dbStatementsPerOrder, "ops/order").note(String.format("%.0f scans, %.0f rows written, %.0f commits per order",
                    db.scans() / (double) o.shipped(), db.rowsWritten() / (double) o.shipped(), db.commits() / (double) o.shipped())));
        }
        run.add(Figure.more("pipeline", "pipeline.sustained." + tag, "Pipeline throughput (" + cond + ")", sustained, "orders/s")
                .limit(run.pipelineLimit(), run.pipelineLimitName()).target(500));
        run.add(Figure.less("pipeline", "pipeline.p50." + tag, "Paid → shipped p50 (" + cond + ")", paid.percentile(50), "ms")
                .note(bound == null ? "includes the wait for the next order sync (every 5 s)" : bound));
        run.add(Figure.less("pipeline", "pipeline.p95." + tag, "Paid → shipped p95 (" + cond + ")", paid.percentile(95), "ms").note(bound));
        run.add(Figure.less("pipeline", "pipeline.p99." + tag, "Paid → shipped p99 (" + cond + ")", paid.percentile(99), "ms").target(1000)
                .note(bound));
        run.add(Figure.less("pipeline", "pipeline.intake.p50." + tag, "Taken in → shipped p50 (" + cond + ")", pipeline.percentile(50), "ms")
                .note(missing == 0 ? null : "shipped orders only"));
        run.add(Figure.less("pipeline", "pipeline.intake.p99." + tag, "Taken in → shipped p99 (" + cond + ")", pipeline.percentile(99), "ms")
                .target(1000).note(missing == 0 ? null : "shipped orders only"));
    }
}
