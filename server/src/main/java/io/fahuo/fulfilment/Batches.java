package io.fahuo.fulfilment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.fulfilment.internal.PipelineJobs;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;

/**
 * Batch actions over a selection of orders (issue waybills, print, ship, hold, release). A batch is a
 * durable job over its items: each order gets its own result, a crash resumes at the first unfinished
 * item, and because every action is idempotent no order is shipped twice.
 */
@Service
public class Batches {

    /** Orders per batch; the platforms' own limit for batch shipping is 500. */
    public static final int MAX_ORDERS = 500;
    /** Labels per print job, as the platforms' print components take them. */
    public static final int LABELS_PER_PRINT_JOB = 50;

    public enum Action {
        ISSUE_WAYBILL, PRINT, SHIP, HOLD, RELEASE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Action parse(String s) {
            for (Action a : values()) {
                if (a.wireName().equalsIgnoreCase(s == null ? "" : s.strip()) || a.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
                    return a;
                }
            }
            throw new InvalidRequestException("action must be one of " + Arrays.stream(values()).map(Action::wireName).toList());
        }
    }

    public record Result(long orderId, boolean ok, String error) {
    }

    /** {@code printJobIds}: for a PRINT batch, the print jobs (≤ 50 labels, one PDF each) it produced. */
    public record Progress(long id, Action action, String status, int total, int succeeded, int failed, Instant createdAt,
                           Instant finishedAt, List<Long> printJobIds, List<Result> results) {
        public int percent() {
            return total == 0 ? 100 : (succeeded + failed) * 100 / total;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Ids ids;
    private final Clock clock;
    private final SchedulerClient jobs;

    Batches(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Ids ids, Clock clock, SchedulerClient jobs) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.ids = ids;
        this.clock = clock;
        this.jobs = jobs;
    }

    public long submit(long tenantId, Action action, List<Long> orderIds, String actor) {
        return submit(tenantId, action, orderIds, actor, null);
    }

    /** Creates the batch and its job in one transaction; the orders must all belong to the tenant. */
    @Transactional
    public long submit(long tenantId, Action action, List<Long> orderIds, String actor, String reason) {
        if (orderIds == null || orderIds.isEmpty()) {
            throw new InvalidRequestException("a batch needs at least one order");
        }
        Set<Long> unique = new LinkedHashSet<>(orderIds);
        if (unique.size() > MAX_ORDERS) {
            throw new InvalidRequestException("a batch may hold at most " + MAX_ORDERS + " orders (the platforms' batch limit), "
                    + unique.size() + " were given; split the selection");
        }
        if (action == Action.HOLD && (reason == null || reason.isBlank())) {
            throw new InvalidRequestException("holding orders needs a reason");
        }
        List<Long> known = jdbc.sql("select id from orders where tenant_id = :t and id in (:ids)")
                .param("t", tenantId).param("ids", unique).query(Long.class).list();
        if (known.size() != unique.size()) {
            List<Long> unknown = new ArrayList<>(unique);
            unknown.removeAll(known);
            throw new InvalidRequestException("unknown orders: " + unknown.subList(0, Math.min(unknown.size(), 20)));
        }
        long id = ids.next();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into batch (id, tenant_id, action, actor, reason, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, tenantId, action.name(), actor, reason == null ? null : reason.strip(), now).update();
        List<Object[]> items = new ArrayList<>();
        int seq = 0;
        for (Long orderId : unique) {
            items.add(new Object[] {id, tenantId, seq++, orderId});
        }
        jdbcTemplate.batchUpdate("insert into batch_item (batch_id, tenant_id, seq, order_id, state) values (?, ?, ?, ?, 'PENDING')", items);
        jobs.schedule(PipelineJobs.RUN_BATCH.instance(Long.toString(id)).data(PipelineJobs.data(tenantId, id))
                .scheduledTo(clock.instant()));
        return id;
    }

    public Progress progress(long tenantId, long batchId) {
        record Head(Action action, Instant created, Instant finished, String printJobIds) {
        }
        Head head = jdbc.sql("select action, created_at, finished_at, print_job_ids from batch where tenant_id = ? and id = ?")
                .params(tenantId, batchId)
                .query((rs, n) -> new Head(Action.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class) == null ? null : rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFoundException("no batch " + batchId));
        List<Object[]> rows = jdbc.sql("select order_id, state, error from batch_item where batch_id = ? and tenant_id = ? order by seq")
                .params(batchId, tenantId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        List<Result> results = new ArrayList<>();
        int ok = 0;
        int failed = 0;
        for (Object[] r : rows) {
            String state = (String) r[1];
            if ("OK".equals(state)) {
                ok++;
                results.add(new Result((Long) r[0], true, null));
            } else if ("FAILED".equals(state)) {
                failed++;
                results.add(new Result((Long) r[0], false, (String) r[2]));
            }
        }
        String status = head.finished() != null ? "DONE" : ok + failed == 0 ? "QUEUED" : "RUNNING";
        List<Long> jobs = head.printJobIds() == null ? List.of()
                : Arrays.stream(head.printJobIds().split(",")).map(Long::parseLong).toList();
        return new Progress(batchId, head.action(), status, rows.size(), ok, failed, head.created(), head.finished(), jobs, results);
    }
}
