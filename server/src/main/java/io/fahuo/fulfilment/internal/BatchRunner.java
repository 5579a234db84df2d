package io.fahuo.fulfilment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.fulfilment.Batches.Action;
import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.fulfilment.domain.Backoff;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.shipments.Shipments;

/**
 * Works through a batch's unfinished items, several orders at a time. Each item's result is committed as
 * soon as its order is done, so a batch interrupted by a crash resumes with the items still PENDING.
 */
@Component
class BatchRunner implements DisposableBean {

    private static final int CHUNK = 32;

    private final JdbcClient jdbc;
    private final PipelineSteps steps;
    private final Orders orders;
    private final Fulfilment fulfilment;
    private final Shipments shipments;
    private final Clock clock;
    private final ExecutorService workers;
    private final io.fahuo.printing.PrintJobs printJobs;

    BatchRunner(JdbcClient jdbc, PipelineSteps steps, Orders orders, Fulfilment fulfilment, Shipments shipments, Clock clock,
                io.fahuo.printing.PrintJobs printJobs, @Value("${fahuo.batch.parallelism:8}") int parallelism) {
        this.printJobs = printJobs;
        this.jdbc = jdbc;
        this.steps = steps;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.shipments = shipments;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "batch-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    static Task<String> runBatchTask(BatchRunner runner, Clock clock) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        return Tasks.custom(PipelineJobs.RUN_BATCH)
                .onFailure((FailureHandler<String>) (complete, ops) -> ops.reschedule(complete,
                        clock.instant().plus(backoff.delay(complete.getExecution().consecutiveFailures))))
                .execute((instance, ctx) -> {
                    runner.run(PipelineJobs.tenantOf(instance.getData()), PipelineJobs.idOf(instance.getData()));
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    void run(long tenantId, long batchId) {
        record Head(Action action, String actor, String reason) {
        }
        Head head = jdbc.sql("select action, actor, reason from batch where tenant_id = ? and id = ?").params(tenantId, batchId)
                .query((rs, n) -> new Head(Action.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3))).optional().orElse(null);
        if (head == null) {
            return;
        }
        if (head.action() == Action.PRINT) {
            printPending(tenantId, batchId, head.actor(), head.reason());
        }
        while (true) {
            List<long[]> pending = jdbc.sql("""
                    select seq, order_id from batch_item where batch_id = ? and tenant_id = ? and state = 'PENDING'
                    order by seq limit ?""")
                    .params(batchId, tenantId, CHUNK).query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2)}).list();
            if (pending.isEmpty()) {
                jdbc.sql("update batch set finished_at = coalesce(finished_at, ?) where tenant_id = ? and id = ?")
                        .params(clock.instant().atOffset(ZoneOffset.UTC), tenantId, batchId).update();
                return;
            }
            List<Future<?>> running = new ArrayList<>();
            for (long[] item : pending) {
                running.add(workers.submit(() -> runItem(tenantId, batchId, (int) item[0], item[1], head.action(), head.actor(), head.reason())));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("batch " + batchId + " interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("batch " + batchId + " item failed unexpectedly", e.getCause());
                }
            }
        }
    }

    /**
     * Prints the labels of every pending order in one go, as print jobs of at most 50 labels (one merged PDF
     * each). A label printed before counts as done unless the batch gives a reprint reason.
     */
    private void printPending(long tenantId, long batchId, String actor, String reprintReason) {
        List<long[]> pending = jdbc.sql("select seq, order_id from batch_item where batch_id = ? and tenant_id = ? and state = 'PENDING' order by seq")
                .params(batchId, tenantId).query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2)}).list();
        if (pending.isEmpty()) {
            return;
        }
        java.util.Map<Long, List<Long>> parcelsByOrder = new java.util.LinkedHashMap<>();
        java.util.Map<Long, String> failures = new java.util.HashMap<>();
        java.util.Map<Long, List<Long>> byOrder = shipments.forOrders(tenantId, pending.stream().map(i -> i[1]).toList()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, e -> e.getValue().stream()
                        .filter(p -> p.hasWaybill() && p.status() != io.fahuo.shipments.domain.ShipmentStatus.CANCELLED)
                        .map(io.fahuo.shipments.domain.Shipment::id).toList()));
        for (long[] item : pending) {
            List<Long> parcels = byOrder.getOrDefault(item[1], List.of());
            if (parcels.isEmpty()) {
                failures.put(item[1], "no waybill yet, so no label to print");
            } else {
                parcelsByOrder.put(item[1], parcels);
            }
        }
        List<Long> shipmentIds = parcelsByOrder.values().stream().flatMap(List::stream).distinct().toList();
        java.util.Map<Long, io.fahuo.printing.domain.PrintCount> counts = printJobs.printCounts(tenantId, shipmentIds);
        List<Long> toPrint = reprintReason == null
                ? shipmentIds.stream().filter(id -> counts.getOrDefault(id, io.fahuo.printing.domain.PrintCount.NEVER).prints() == 0).toList()
                : shipmentIds;
        java.util.Map<Long, String> skipped = new java.util.HashMap<>();
        List<Long> jobIds = new ArrayList<>();
        for (int from = 0; from < toPrint.size(); from += io.fahuo.printing.domain.PrintRequest.MAX_SHIPMENTS) {
            List<Long> chunk = toPrint.subList(from, Math.min(toPrint.size(), from + io.fahuo.printing.domain.PrintRequest.MAX_SHIPMENTS));
            var outcome = printJobs.create(tenantId, new io.fahuo.printing.domain.PrintRequest(chunk, null, null, null, null,
                    reprintReason, null, actor + " (batch " + batchId + ")"));
            outcome.jobs().forEach(j -> jobIds.add(j.id()));
            outcome.skipped().forEach(sk -> skipped.put(sk.shipmentId(), sk.reason()));
        }
        if (!jobIds.isEmpty()) {
            jdbc.sql("update batch set print_job_ids = ? where tenant_id = ? and id = ?")
                    .params(jobIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), tenantId, batchId).update();
        }
        parcelsByOrder.forEach((orderId, parcels) -> parcels.stream().filter(skipped::containsKey).findFirst()
                .ifPresent(p -> failures.put(orderId, skipped.get(p))));
        for (long[] item : pending) {
            String error = failures.get(item[1]);
            jdbc.sql("update batch_item set state = ?, error = ?, done_at = ? where batch_id = ? and tenant_id = ? and seq = ? and state = 'PENDING'")
                    .params(error == null ? "OK" : "FAILED", error, clock.instant().atOffset(ZoneOffset.UTC), batchId, tenantId, (int) item[0])
                    .update();
        }
    }

    private void runItem(long tenantId, long batchId, int seq, long orderId, Action action, String actor, String reason) {
        String error;
        try {
            error = perform(tenantId, orderId, action, actor, reason);
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        jdbc.sql("""
                update batch_item set state = ?, error = ?, done_at = ?
                where batch_id = ? and tenant_id = ? and seq = ? and state = 'PENDING'""")
                .params(error == null ? "OK" : "FAILED", error == null ? null : truncate(error), clock.instant().atOffset(ZoneOffset.UTC),
                        batchId, tenantId, seq)
                .update();
    }

    /** Does the action for one order; returns null when it succeeded, else why not. */
    private String perform(long tenantId, long orderId, Action action, String actor, String reason) {
        switch (action) {
            case HOLD -> {
                fulfilment.hold(tenantId, orderId, reason + " (batch by " + actor + ")");
                return null;
            }
            case RELEASE -> {
                fulfilment.release(tenantId, orderId);
                return null;
            }
            case SHIP, ISSUE_WAYBILL -> {
                PipelineSteps.Goal goal = action == Action.SHIP ? PipelineSteps.Goal.SHIPPED : PipelineSteps.Goal.WAYBILL_ISSUED;
                OrderStatus reached = goal == PipelineSteps.Goal.SHIPPED ? OrderStatus.SHIPPED : OrderStatus.WAYBILL_ISSUED;
                Order before = orders.get(tenantId, orderId);
                if (done(before.status(), reached)) {
                    return null;
                }
                if (before.status() != OrderStatus.PENDING && before.status() != OrderStatus.WAYBILL_ISSUED) {
                    return "order is " + before.status() + (before.holdReason() == null ? "" : ": " + before.holdReason());
                }
                PipelineSteps.Next next = steps.advance(tenantId, orderId, 1, goal);
                Order after = orders.get(tenantId, orderId);
                if (done(after.status(), reached)) {
                    return null;
                }
                if (after.holdReason() != null) {
                    return "order is " + after.status() + ": " + after.holdReason();
                }
                if (next instanceof PipelineSteps.WaitFor) {
                    return after.lastError() != null ? after.lastError() : "waiting";
                }
                return "order is " + after.status() + (after.lastError() == null ? "" : ": " + after.lastError());
            }
            default -> throw new IllegalStateException(action.name());
        }
    }

    private static boolean done(OrderStatus status, OrderStatus reached) {
        return status == reached || status == OrderStatus.SHIPPED;
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
