package io.fahuo.bench;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pipeline: paid orders appear at the simulated Douyin shop at a fixed rate; Fahuo syncs them (every 5 s, its
 * default), routes, reserves stock, gets a Kdniao waybill, renders and auto-prints the label and writes the
 * shipment back to Douyin — all over loopback HTTP. Latency runs from the moment the order was paid at the
 * simulator to its write-back; with the simulator answering at once and with 50 ms per Douyin call.
 */
final class PipelinePhase {

    static void run(Run run) throws Exception {
        run.db.execute("update shop set auto_ship = true where tenant_id = ?", Run.TENANT);
        for (int latency : new int[] {0, 50}) {
            fixedRate(run, latency);
        }
        run.api.simLatency(50);
        FlashSalePhase.Burst b = FlashSalePhase.burst(run, 2_000, 150_000);
        run.add(Figure.more("pipeline", "pipeline.backlog.50ms", "Pipeline from a backlog of 2,000, Douyin 50 ms", b.ordersPerSecond(),
                "orders/s").limit(run.pipelineLimit(), run.pipelineLimitName()).target(500));
        run.api.simLatency(0);
    }

    private static void fixedRate(Run run, int latency) throws Exception {
        run.api.simLatency(latency);
        int rate = run.config.arrivalRate;
        int perTick = Math.max(1, rate / 10);
        Timestamp since = new Timestamp(System.currentTimeMillis());
        double requestsBefore = run.api.serverRequests();
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
        double offered = createdAt.size() / ((System.currentTimeMillis() - t0) / 1000.0);
        Shipping.Outcome o = Shipping.await(run, since, createdAt.size(), 150_000);
        double requests = run.api.serverRequests() - requestsBefore;
        Stats paid = new Stats(Shipping.paidToShipped(o, createdAt));
        Stats pipeline = new Stats(o.ingestedToShipped());
        double firstCreated = createdAt.values().stream().mapToLong(Long::longValue).min().orElse(t0);
        double sustained = o.shipped() / ((o.lastShipped() - firstCreated) / 1000.0);
        String tag = latency + "ms";
        String cond = String.format("%,d/s offered, Douyin %d ms", Math.round(offered), latency);
        Run.log("  %d orders offered at %.0f/s: %d shipped, %d held or cancelled%s", createdAt.size(), offered, o.shipped(), o.stopped(),
                o.timedOut() ? " (gave up waiting)" : "");
        if (latency == 0) {
            // every order costs this many HTTP requests to the one server (platform, courier, pushes, control)
            run.requestsPerOrder = requests / createdAt.size();
            run.add(Figure.less("pipeline", "pipeline.requests", "HTTP requests the server answers per order", run.requestsPerOrder,
                    "req/order").note("Douyin sync pages, decrypt, Kdniao waybill + subscription, write-back, bench control calls"));
        }
        run.add(Figure.more("pipeline", "pipeline.sustained." + tag, "Pipeline sustained (" + cond + ")", sustained, "orders/s")
                .limit(run.pipelineLimit(), run.pipelineLimitName()));
        run.add(Figure.less("pipeline", "pipeline.p50." + tag, "Paid → shipped p50 (" + cond + ")", paid.percentile(50), "ms")
                .note("includes the wait for the next order sync (every 5 s)"));
        run.add(Figure.less("pipeline", "pipeline.p95." + tag, "Paid → shipped p95 (" + cond + ")", paid.percentile(95), "ms"));
        run.add(Figure.less("pipeline", "pipeline.p99." + tag, "Paid → shipped p99 (" + cond + ")", paid.percentile(99), "ms").target(1000));
        run.add(Figure.less("pipeline", "pipeline.intake.p50." + tag, "Taken in → shipped p50 (" + cond + ")", pipeline.percentile(50), "ms"));
        run.add(Figure.less("pipeline", "pipeline.intake.p99." + tag, "Taken in → shipped p99 (" + cond + ")", pipeline.percentile(99), "ms")
                .target(1000));
        if (o.timedOut()) {
            run.figures.set(run.figures.size() - 1, run.figures.get(run.figures.size() - 1)
                    .note("gave up waiting: " + o.shipped() + " of " + createdAt.size() + " shipped"));
        }
    }

    static List<Integer> latencies() {
        return List.of(0, 50);
    }
}
