package io.fahuo.printing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.printing.domain.PrintBatches;
import io.fahuo.printing.domain.PrintCount;
import io.fahuo.printing.domain.PrintDocument;
import io.fahuo.printing.domain.PrintJob;
import io.fahuo.printing.domain.PrintJobStatus;
import io.fahuo.printing.domain.PrintOutcome;
import io.fahuo.printing.domain.PrintRequest;
import io.fahuo.printing.domain.PrintedLabel;
import io.fahuo.printing.domain.Printer;
import io.fahuo.printing.internal.JobDocuments;
import io.fahuo.printing.internal.PrintJobStore;
import io.fahuo.printing.internal.PrintingJobs;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.shipments.domain.Shipment;

/**
 * Print jobs: what the console's print page, the batch engine and the pipeline's auto-print call.
 * <ul>
 * <li>{@link #create} cuts a selection into jobs of at most 50 labels, in the caller's order. A label
 * printed before (in a job that did not fail) is left out unless the request gives a reprint reason; the
 * reprint is then recorded and counted. Jobs for a printer are sent by a durable job that commits with them.</li>
 * <li>{@link #document} is a job's labels as one file; fetching a browser job's document marks it sent.
 * Labels that became void since (waybill cancelled or replaced) are left out and noted on the job.</li>
 * <li>{@link #retry} queues a failed printer job again.</li>
 * </ul>
 */
@Service
public class PrintJobs {

    private static final int CONCURRENT_PRINT_RETRIES = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final PrintJobStore store;
    private final Printers printers;
    private final Shipments shipments;
    private final JobDocuments documents;
    private final Ids ids;
    private final Clock clock;
    private final SchedulerClient scheduler;
    private final TransactionTemplate tx;

    PrintJobs(PrintJobStore store, Printers printers, Shipments shipments, JobDocuments documents, Ids ids, Clock clock,
              SchedulerClient scheduler, PlatformTransactionManager txManager) {
        this.store = store;
        this.printers = printers;
        this.shipments = shipments;
        this.documents = documents;
        this.ids = ids;
        this.clock = clock;
        this.scheduler = scheduler;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The short form: {@code format}, {@code size}, {@code printerId} and {@code reprintReason} may be null. */
    public PrintOutcome create(long tenantId, List<Long> shipmentIds, LabelFormat format, LabelSize size, Long printerId,
                               String reprintReason) {
        return create(tenantId, new PrintRequest(shipmentIds, format, size, null, printerId, reprintReason, null, null));
    }

    public PrintOutcome create(long tenantId, PrintRequest request) {
        Optional<Printer> printer = Optional.ofNullable(request.printerId()).map(id -> printers.get(tenantId, id));
        LabelSpec spec = spec(request, printer);
        int perJob = labelsPerJob(request);
        String reason = reprintReason(request);
        List<Long> selection = List.copyOf(new LinkedHashSet<>(request.shipmentIds()));
        if (selection.isEmpty()) {
            throw new InvalidRequestException("shipmentIds must name at least one shipment");
        }
        if (selection.size() > PrintRequest.MAX_SHIPMENTS) {
            throw new InvalidRequestException("a print request takes at most " + PrintRequest.MAX_SHIPMENTS + " shipments ("
                    + PrintRequest.MAX_SHIPMENTS / PrintJob.MAX_LABELS + " jobs of " + PrintJob.MAX_LABELS
                    + " labels); split the selection");
        }
        String requestedBy = request.requestedBy() == null || request.requestedBy().isBlank() ? "api" : request.requestedBy().strip();
        for (int attempt = 1; attempt <= CONCURRENT_PRINT_RETRIES; attempt++) {
            try {
                return tx.execute(s -> createJobs(tenantId, selection, spec, printer, perJob, reason, requestedBy));
            } catch (DuplicateKeyException raced) {
                // another request took some of these labels in the meantime: look again at what is left
            }
        }
        throw new ConflictException("these labels are being printed by another request right now; try again");
    }

    private PrintOutcome createJobs(long tenantId, List<Long> selection, LabelSpec spec, Optional<Printer> printer, int perJob,
                                    String reason, String requestedBy) {
        Map<Long, Shipment> found = shipments.byIds(tenantId, selection);
        Map<PrintJobStore.LabelKey, PrintJobStore.PriorPrints> prior = store.priorPrints(tenantId, found.keySet());
        List<PrintedLabel> toPrint = new ArrayList<>();
        List<PrintOutcome.Skipped> skipped = new ArrayList<>();
        for (long shipmentId : selection) {
            Shipment s = found.get(shipmentId);
            Optional<PrintOutcome.Skipped> noLabel = PrintOutcome.Skipped.unlessLabelled(shipmentId, s);
            if (noLabel.isPresent()) {
                skipped.add(noLabel.get());
            } else {
                PrintJobStore.PriorPrints before = prior.getOrDefault(new PrintJobStore.LabelKey(s.id(), s.trackingNumber()),
                        new PrintJobStore.PriorPrints(0, null, null));
                boolean printed = before.holdingJobId() != null;
                if (printed && reason == null) {
                    skipped.add(new PrintOutcome.Skipped(shipmentId, "already printed in print job " + before.holdingJobId() + " ("
                            + WHEN.format(before.heldSince()) + "); give a reprint reason to print it again"));
                } else {
                    toPrint.add(new PrintedLabel(s.id(), s.trackingNumber(), before.lastPrintNo() + 1, printed));
                }
            }
        }
        List<PrintJob> jobs = new ArrayList<>();
        for (List<PrintedLabel> batch : PrintBatches.split(toPrint, perJob)) {
            boolean reprints = batch.stream().anyMatch(PrintedLabel::reprint);
            PrintJob job = new PrintJob(ids.next(), tenantId, spec, printer.map(Printer::id).orElse(null), PrintJobStatus.QUEUED,
                    reprints ? reason : null, batch, 0, null, requestedBy, clock.instant(), null);
            store.insert(job);
            printer.ifPresent(p -> schedule(tenantId, job.id()));
            jobs.add(job);
        }
        return new PrintOutcome(jobs, skipped);
    }

    public PrintJob get(long tenantId, long jobId) {
        return store.find(tenantId, jobId).orElseThrow(() -> new NotFoundException("no print job " + jobId));
    }

    /** The newest jobs first, at most {@code limit}; {@code status} null for all. */
    public List<PrintJob> recent(long tenantId, PrintJobStatus status, int limit) {
        return store.recent(tenantId, status, Math.max(1, Math.min(limit, 200)));
    }

    /** Each shipment's prints and reprints (a shipment never printed is absent). */
    public Map<Long, PrintCount> printCounts(long tenantId, Collection<Long> shipmentIds) {
        return store.printCounts(tenantId, shipmentIds);
    }

    /**
     * The job's labels as one document, rendered now from the stored (masked) data. For a browser job the
     * first fetch is the print: the job becomes SENT.
     */
    public PrintDocument document(long tenantId, long jobId) {
        PrintJob job = get(tenantId, jobId);
        JobDocuments.Rendered rendered = documents.render(job);
        if (rendered.bytes() == null) {
            throw new ConflictException("every label of print job " + jobId + " is void: " + rendered.voidNote());
        }
        if (job.printerId() == null && job.status() == PrintJobStatus.QUEUED) {
            store.markSent(tenantId, jobId, rendered.voidNote());
        }
        return new PrintDocument(jobId, job.spec().format(), rendered.bytes());
    }

    /** Sends a failed printer job again (its labels count as printed again while it is queued). */
    public PrintJob retry(long tenantId, long jobId) {
        PrintJob job = get(tenantId, jobId);
        if (job.printerId() == null) {
            throw new ConflictException("print job " + jobId + " is a document for the browser; fetch it again instead");
        }
        tx.executeWithoutResult(s -> {
            if (!store.requeue(tenantId, jobId)) {
                throw new ConflictException("print job " + jobId + " is " + get(tenantId, jobId).status() + "; only a FAILED job is retried");
            }
            schedule(tenantId, jobId);
        });
        return get(tenantId, jobId);
    }

    /**
     * Prints a shipment's new label on its warehouse's auto-print printer, if the warehouse has one and the
     * label was not printed yet. Safe to call again: a label already queued or printed is left alone.
     */
    public Optional<PrintJob> autoPrint(long tenantId, long shipmentId) {
        Shipment shipment = shipments.get(tenantId, shipmentId);
        return printers.autoPrinter(tenantId, shipment.warehouseId())
                .flatMap(p -> create(tenantId, PrintRequest.onPrinter(List.of(shipmentId), p.id(), "auto-print")).jobs().stream().findFirst());
    }

    private void schedule(long tenantId, long jobId) {
        scheduler.scheduleIfNotExists(PrintingJobs.SEND_PRINT_JOB.instance(Long.toString(jobId))
                .data(PrintingJobs.data(tenantId, jobId)).scheduledTo(clock.instant()));
    }

    private static LabelSpec spec(PrintRequest r, Optional<Printer> printer) {
        if (printer.isPresent()) {
            LabelSpec p = printer.get().spec();
            String name = printer.get().describe();
            if (r.format() != null && r.format() != p.format()) {
                throw new InvalidRequestException(name + " speaks " + p.format().extension() + "; it cannot print "
                        + r.format().extension());
            }
            if (r.size() != null && r.size() != p.size()) {
                throw new InvalidRequestException(name + " holds " + p.size().code() + " labels, not " + r.size().code());
            }
            if (r.dpi() != null && r.dpi() != p.dpi()) {
                throw new InvalidRequestException(name + " prints at " + p.dpi() + " dpi, not " + r.dpi());
            }
            return p;
        }
        LabelFormat format = r.format() == null ? LabelFormat.PDF : r.format();
        LabelSize size = r.size() == null ? LabelSize.S76X130 : r.size();
        if (!format.printerLanguage()) {
            if (r.dpi() != null) {
                throw new InvalidRequestException("dpi applies to zpl and tspl only; a pdf has no resolution");
            }
            return LabelSpec.pdf(size);
        }
        int dpi = r.dpi() == null ? LabelSpec.DEFAULT_DPI : r.dpi();
        if (!LabelSpec.PRINTER_DPI.contains(dpi)) {
            throw new InvalidRequestException("dpi must be one of " + LabelSpec.PRINTER_DPI);
        }
        return new LabelSpec(format, size, dpi);
    }

    private static int labelsPerJob(PrintRequest r) {
        int perJob = r.labelsPerJob() == null ? PrintJob.MAX_LABELS : r.labelsPerJob();
        if (perJob < 1 || perJob > PrintJob.MAX_LABELS) {
            throw new InvalidRequestException("labelsPerJob must be between 1 and " + PrintJob.MAX_LABELS + ": a print job holds at most "
                    + PrintJob.MAX_LABELS + " labels");
        }
        return perJob;
    }

    private static String reprintReason(PrintRequest r) {
        if (r.reprintReason() == null || r.reprintReason().isBlank()) {
            return null;
        }
        String reason = r.reprintReason().strip();
        if (reason.length() > 300) {
            throw new InvalidRequestException("reprintReason must be at most 300 characters");
        }
        return reason;
    }
}
