package io.fahuo.printing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.fahuo.printing.domain.PrintCount;
import io.fahuo.printing.domain.PrintJob;
import io.fahuo.printing.domain.PrintJobStatus;
import io.fahuo.printing.domain.PrintedLabel;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;

/** The print_job and print_job_label rows. Status moves are conditional on the status they leave. */
@Component
public class PrintJobStore {

    /** What was printed of one label before: how often it went into a job, and the job that still holds it. */
    public record PriorPrints(int lastPrintNo, Long holdingJobId, Instant heldSince) {
    }

    /** A label is one waybill of one shipment. */
    public record LabelKey(long shipmentId, String trackingNumber) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PrintJobStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(PrintJob job) {
        jdbc.sql("""
                insert into print_job (id, tenant_id, format, label_size, dpi, printer_id, status, reprint_reason, attempts,
                  requested_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(job.id(), job.tenantId(), job.spec().format().name(), job.spec().size().code(), job.spec().dpi(),
                        job.printerId(), job.status().name(), job.reprintReason(), job.requestedBy(), utc(job.createdAt()))
                .update();
        int labelNo = 0;
        for (PrintedLabel l : job.labels()) {
            jdbc.sql("""
                    insert into print_job_label (tenant_id, job_id, label_no, shipment_id, tracking_number, print_no, reprint)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(job.tenantId(), job.id(), ++labelNo, l.shipmentId(), l.trackingNumber(), l.printNo(), l.reprint())
                    .update();
        }
    }

    public Optional<PrintJob> find(long tenantId, long jobId) {
        return jdbc.sql("select * from print_job where tenant_id = ? and id = ?").params(tenantId, jobId)
                .query((rs, n) -> job(rs, labels(tenantId, jobId))).optional();
    }

    /** Newest first; all statuses when {@code status} is null. */
    public List<PrintJob> recent(long tenantId, PrintJobStatus status, int limit) {
        List<Long> ids = status == null
                ? jdbc.sql("select id from print_job where tenant_id = ? order by created_at desc, id desc limit ?")
                        .params(tenantId, limit).query(Long.class).list()
                : jdbc.sql("select id from print_job where tenant_id = ? and status = ? order by created_at desc, id desc limit ?")
                        .params(tenantId, status.name(), limit).query(Long.class).list();
        return ids.stream().map(id -> find(tenantId, id).orElseThrow()).toList();
    }

    /** Earlier prints of these shipments' labels, by label. */
    public Map<LabelKey, PriorPrints> priorPrints(long tenantId, Collection<Long> shipmentIds) {
        Map<LabelKey, PriorPrints> out = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select l.shipment_id, l.tracking_number, l.print_no, j.id, j.status, j.created_at
                from print_job_label l join print_job j on j.id = l.job_id
                where l.tenant_id = :t and j.tenant_id = :t and l.shipment_id in (:ids)
                order by l.print_no""")
                .param("t", tenantId).param("ids", shipmentIds)
                .query(rs -> {
                    LabelKey key = new LabelKey(rs.getLong(1), rs.getString(2));
                    PriorPrints before = out.getOrDefault(key, new PriorPrints(0, null, null));
                    boolean firstHolder = before.holdingJobId() == null && PrintJobStatus.valueOf(rs.getString(5)).holdsLabels();
                    out.put(key, new PriorPrints(rs.getInt(3), firstHolder ? rs.getLong(4) : before.holdingJobId(),
                            firstHolder ? rs.getObject(6, OffsetDateTime.class).toInstant() : before.heldSince()));
                });
        return out;
    }

    /** Prints and reprints of each of these shipments' labels; jobs that failed do not count. */
    public Map<Long, PrintCount> printCounts(long tenantId, Collection<Long> shipmentIds) {
        Map<Long, PrintCount> out = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select l.shipment_id, count(*), sum(case when l.reprint then 1 else 0 end)
                from print_job_label l join print_job j on j.id = l.job_id
                where l.tenant_id = :t and j.tenant_id = :t and l.shipment_id in (:ids) and j.status <> 'FAILED'
                group by l.shipment_id""")
                .param("t", tenantId).param("ids", shipmentIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new PrintCount(rs.getInt(2), rs.getInt(3)));
                });
        return out;
    }

    /** The job went out; {@code note} (or null) says what of it did not. */
    public boolean markSent(long tenantId, long jobId, String note) {
        return jdbc.sql("update print_job set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = ? "
                        + "where tenant_id = ? and id = ? and status = 'QUEUED'")
                .params(now(), truncate(note), tenantId, jobId).update() == 1;
    }

    /** A failed attempt; {@code giveUp} moves the job to FAILED, otherwise it stays queued for the next attempt. */
    public void recordFailure(long tenantId, long jobId, String error, boolean giveUp) {
        jdbc.sql("update print_job set attempts = attempts + 1, last_error = ?, status = ? where tenant_id = ? and id = ? and status = 'QUEUED'")
                .params(truncate(error), giveUp ? "FAILED" : "QUEUED", tenantId, jobId).update();
    }

    public boolean requeue(long tenantId, long jobId) {
        return jdbc.sql("update print_job set status = 'QUEUED', last_error = null where tenant_id = ? and id = ? and status = 'FAILED'")
                .params(tenantId, jobId).update() == 1;
    }

    private List<PrintedLabel> labels(long tenantId, long jobId) {
        return jdbc.sql("select * from print_job_label where tenant_id = ? and job_id = ? order by label_no")
                .params(tenantId, jobId)
                .query((rs, n) -> new PrintedLabel(rs.getLong("shipment_id"), rs.getString("tracking_number"),
                        rs.getInt("print_no"), rs.getBoolean("reprint")))
                .list();
    }

    private static PrintJob job(ResultSet rs, List<PrintedLabel> labels) throws SQLException {
        long printer = rs.getLong("printer_id");
        Long printerId = rs.wasNull() ? null : printer;
        LabelSpec spec = new LabelSpec(LabelFormat.valueOf(rs.getString("format")), LabelSize.parse(rs.getString("label_size")).orElseThrow(),
                rs.getInt("dpi"));
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new PrintJob(rs.getLong("id"), rs.getLong("tenant_id"), spec, printerId, PrintJobStatus.valueOf(rs.getString("status")),
                rs.getString("reprint_reason"), labels, rs.getInt("attempts"), rs.getString("last_error"), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), sent == null ? null : sent.toInstant());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
