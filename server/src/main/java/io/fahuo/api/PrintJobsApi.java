package io.fahuo.api;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.printing.PickLists;
import io.fahuo.printing.PrintComponentTasks;
import io.fahuo.printing.PrintJobs;
import io.fahuo.printing.Printers;
import io.fahuo.printing.domain.PrintComponentTask;
import io.fahuo.printing.domain.PrintDocument;
import io.fahuo.printing.domain.PrintJob;
import io.fahuo.printing.domain.PrintJobStatus;
import io.fahuo.printing.domain.PrintOutcome;
import io.fahuo.printing.domain.PrintRequest;
import io.fahuo.printing.domain.PrintedLabel;
import io.fahuo.printing.domain.Printer;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "printing")
class PrintJobsApi {

    /** A print request: shipments in print order; the rest defaults to the printer's settings, or pdf 76x130. */
    record CreatePrintJobs(List<Long> shipmentIds, String format, String size, Integer dpi, Long printerId, String reprintReason,
                           Integer labelsPerJob) {
    }

    record LabelView(long shipmentId, String trackingNumber, int printNo, boolean reprint) {
    }

    record JobView(long id, String status, String format, String size, Integer dpi, Long printerId, String printerName,
                   int labelCount, int reprints, String reprintReason, int attempts, String lastError, String requestedBy,
                   Instant createdAt, Instant sentAt, String documentUrl, List<LabelView> labels) {
    }

    record CreatedJobs(List<JobView> jobs, List<PrintOutcome.Skipped> skipped) {
    }

    record Selection(List<Long> shipmentIds, String printer, Boolean preview) {
    }

    record ComponentTasksView(List<PrintComponentTask> tasks, List<PrintOutcome.Skipped> skipped) {
    }

    private final PrintJobs printJobs;
    private final Printers printers;
    private final PickLists pickLists;
    private final PrintComponentTasks componentTasks;

    PrintJobsApi(PrintJobs printJobs, Printers printers, PickLists pickLists, PrintComponentTasks componentTasks) {
        this.printJobs = printJobs;
        this.printers = printers;
        this.pickLists = pickLists;
        this.componentTasks = componentTasks;
    }

    @PostMapping("/print-jobs")
    @Operation(summary = "Print a selection of shipments: jobs of at most 50 labels, for the browser (document) or a printer; "
            + "labels printed before are skipped unless a reprintReason is given")
    ResponseEntity<?> create(@RequestBody CreatePrintJobs body) {
        if (body.shipmentIds() == null) {
            throw new InvalidRequestException("shipmentIds is required");
        }
        long tenantId = CurrentTenant.id();
        PrintOutcome outcome = printJobs.create(tenantId, new PrintRequest(body.shipmentIds(),
                body.format() == null ? null : LabelRequests.format(body.format()),
                body.size() == null ? null : LabelRequests.size(body.size()), body.dpi(), body.printerId(), body.reprintReason(),
                body.labelsPerJob(), CurrentTenant.principal().subject()));
        if (outcome.jobs().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "nothing to print: "
                    + outcome.skipped().stream().map(s -> s.shipmentId() + " " + s.reason()).collect(Collectors.joining("; ")));
            problem.setTitle("Conflict");
            problem.setProperty("skipped", outcome.skipped());
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        List<JobView> jobs = outcome.jobs().stream().map(j -> view(tenantId, j)).toList();
        return ResponseEntity.created(URI.create("/api/v1/print-jobs/" + jobs.get(0).id())).body(new CreatedJobs(jobs, outcome.skipped()));
    }

    @GetMapping("/print-jobs")
    @Operation(summary = "Recent print jobs, newest first")
    List<JobView> recent(@RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
        PrintJobStatus filter = null;
        if (status != null) {
            filter = Arrays.stream(PrintJobStatus.values()).filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("status must be one of queued, sent, failed"));
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit must be between 1 and 200");
        }
        long tenantId = CurrentTenant.id();
        return printJobs.recent(tenantId, filter, limit).stream().map(j -> view(tenantId, j)).toList();
    }

    @GetMapping("/print-jobs/{id}")
    @Operation(summary = "A print job: its state and the labels it printed")
    JobView get(@PathVariable long id) {
        long tenantId = CurrentTenant.id();
        return view(tenantId, printJobs.get(tenantId, id));
    }

    @GetMapping("/print-jobs/{id}/document")
    @Operation(summary = "The job's labels as one document (a merged PDF for the browser); fetching a browser job marks it sent")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        PrintDocument document = printJobs.document(CurrentTenant.id(), id);
        return LabelRequests.document(document.bytes(), document.format(), "print-job-" + id);
    }

    @PostMapping("/print-jobs/{id}/retry")
    @Operation(summary = "Send a failed printer job again")
    JobView retry(@PathVariable long id) {
        long tenantId = CurrentTenant.id();
        return view(tenantId, printJobs.retry(tenantId, id));
    }

    @GetMapping("/print-jobs/{id}/pick-list")
    @Operation(summary = "The pick list (拣货单) of a print job's parcels, A4 PDF")
    ResponseEntity<byte[]> jobPickList(@PathVariable long id) {
        long tenantId = CurrentTenant.id();
        List<Long> shipmentIds = printJobs.get(tenantId, id).labels().stream().map(PrintedLabel::shipmentId).toList();
        return LabelRequests.document(pickLists.pdf(tenantId, shipmentIds), LabelFormat.PDF, "pick-list-job-" + id);
    }

    @PostMapping("/pick-lists")
    @Operation(summary = "A pick list (拣货单) for a selection of shipments, grouped by SKU with bin locations, A4 PDF")
    ResponseEntity<byte[]> pickList(@RequestBody Selection body) {
        if (body.shipmentIds() == null) {
            throw new InvalidRequestException("shipmentIds is required");
        }
        return LabelRequests.document(pickLists.pdf(CurrentTenant.id(), body.shipmentIds()), LabelFormat.PDF, "pick-list");
    }

    @PostMapping("/print-component-tasks")
    @Operation(summary = "Print commands for platform waybills (Douyin, Cainiao), to send to the platform's print component "
            + "over its local WebSocket")
    ComponentTasksView componentTasks(@RequestBody Selection body) {
        if (body.shipmentIds() == null) {
            throw new InvalidRequestException("shipmentIds is required");
        }
        PrintComponentTasks.Result result = componentTasks.tasks(CurrentTenant.id(), body.shipmentIds(), body.printer(),
                Boolean.TRUE.equals(body.preview()));
        return new ComponentTasksView(result.tasks(), result.skipped());
    }

    private JobView view(long tenantId, PrintJob j) {
        String printerName = j.printerId() == null ? null : printers.find(tenantId, j.printerId()).map(Printer::name).orElse(null);
        return new JobView(j.id(), j.status().name(), j.spec().format().extension(), j.spec().size().code(),
                j.spec().format().printerLanguage() ? j.spec().dpi() : null, j.printerId(), printerName,
                j.labels().size(), j.reprints(), j.reprintReason(), j.attempts(), j.lastError(), j.requestedBy(), j.createdAt(),
                j.sentAt(), "/api/v1/print-jobs/" + j.id() + "/document",
                j.labels().stream().map(l -> new LabelView(l.shipmentId(), l.trackingNumber(), l.printNo(), l.reprint())).toList());
    }
}
