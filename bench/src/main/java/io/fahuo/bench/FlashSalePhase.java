package io.fahuo.bench;

import java.sql.Timestamp;

/**
 * Flash sale: paid orders appear at once; the time until the last one is shipped, counted from the moment they
 * were paid (so it includes the wait for the next sync). The issue asks for 100,000; a smaller count (default
 * 10,000, {@code --flash-orders}) keeps the run within its budget on a shared 2-core machine, and the 100,000
 * figure is then extrapolated from its measured throughput and labelled so.
 */
final class FlashSalePhase {

    static final int TARGET_ORDERS = 100_000;
    static final long BUDGET_MILLIS = 200_000;

    record Burst(int orders, Shipping.Outcome outcome, long createdAt) {
        double ordersPerSecond() {
            return outcome.shipped() / ((outcome.lastShipped() - outcome.firstIngested()) / 1000.0);
        }

        double untilAllShippedSeconds() {
            return (outcome.lastShipped() - createdAt) / 1000.0;
        }

        double untilFirstIngestedSeconds() {
            return (outcome.firstIngested() - createdAt) / 1000.0;
        }
    }

    static Burst burst(Run run, int count, long budgetMillis) throws Exception {
        Timestamp since = new Timestamp(System.currentTimeMillis());
        long createdAt = System.currentTimeMillis();
        int made = 0;
        while (made < count) {
            int n = Math.min(100_000, count - made);
            run.api.createSimOrders(n);
            made += n;
        }
        Shipping.Outcome o = Shipping.await(run, since, count, budgetMillis);
        Run.log("  %,d orders at once: %,d shipped, %d held or cancelled in %.1f s%s", count, o.shipped(), o.stopped(),
                (o.lastShipped() - createdAt) / 1000.0, o.timedOut() ? " (gave up waiting)" : "");
        return new Burst(count, o, createdAt);
    }

    static void run(Run run) throws Exception {
        run.db.execute("update shop set auto_ship = true where tenant_id = ?", Run.TENANT);
        run.api.simLatency(0);
        int n = run.config.flashOrders;
        Burst b = burst(run, n, BUDGET_MILLIS);
        double rate = b.ordersPerSecond();
        String scale = String.format("%,d orders", n);
        run.add(Figure.more("flash", "flash.rate", "Flash sale throughput (" + scale + " at once)", rate, "orders/s")
                .limit(run.pipelineLimit(), run.pipelineLimitName()).target(500));
        if (b.outcome().timedOut()) {
            run.add(Figure.more("flash", "flash.measured", "Flash sale: " + scale + " paid → shipped within the time box",
                    b.outcome().shipped(), "orders").note(String.format("time box %d s: %,d of %,d shipped", BUDGET_MILLIS / 1000,
                    b.outcome().shipped(), n)));
        } else {
            run.add(Figure.less("flash", "flash.measured", "Flash sale: " + scale + " paid → all shipped", b.untilAllShippedSeconds(), "s"));
        }
        if (n >= TARGET_ORDERS) {
            run.add(Figure.less("flash", "flash.100k", "Flash sale: 100,000 paid → all shipped", b.untilAllShippedSeconds(), "s")
                    .limit(limitSeconds(run, b), "first sync wait + 100,000 ÷ the pipeline limit").target(300));
        } else {
            // throughput from the first order taken in to the last shipped, over what shipped within the time box
            double extrapolated = b.untilFirstIngestedSeconds() + TARGET_ORDERS / rate;
            run.add(Figure.less("flash", "flash.100k", "Flash sale: 100,000 → all shipped (EXTRAPOLATED from " + scale + ")",
                    extrapolated, "s").limit(limitSeconds(run, b), "first sync wait + 100,000 ÷ the pipeline limit").target(300)
                    .note("extrapolated: first sync wait + 100,000 ÷ the throughput measured with " + scale));
        }
        FootprintPhase.heap(run, "footprint.heap.flash", "Heap after the flash sale (live set after full GC)");
    }

    private static Double limitSeconds(Run run, Burst b) {
        Double limit = run.pipelineLimit();
        return limit == null ? null : Math.max(0, b.untilFirstIngestedSeconds()) + TARGET_ORDERS / limit;
    }
}
