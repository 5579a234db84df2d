package io.fahuo.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.fahuo.fulfilment.Batches;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.printing.PrintJobs;
import io.fahuo.printing.domain.PrintDocument;
import io.fahuo.printing.domain.PrintJob;
import io.fahuo.printing.domain.PrintOutcome;
import io.fahuo.printing.domain.PrintRequest;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.tenancy.CurrentTenant;

/**
 * Printing labels through {@link PrintJobs}: a selection (a print batch, or the labels waiting to be printed)
 * becomes print jobs of at most 50 labels, each one PDF for the browser's print dialog; a label printed
 * before is printed again only with a reason.
 */
@Controller
class PrintController {

    /** How many jobs the page lists when it shows no particular batch. */
    private static final int RECENT_JOBS = 20;

    private final PrintJobs printJobs;
    private final Batches batches;
    private final Orders orders;
    private final Shipments shipments;
    private final Labels labels;

    PrintController(PrintJobs printJobs, Batches batches, Orders orders, Shipments shipments, Labels labels) {
        this.printJobs = printJobs;
        this.batches = batches;
        this.orders = orders;
        this.shipments = shipments;
        this.labels = labels;
    }

    /** The jobs of a print batch, or of one request ({@code jobs}), or else the recent ones. */
    @GetMapping("/console/print")
    String page(@RequestParam(required = false) Long batch, @RequestParam(name = "job", required = false) List<Long> jobIds,
                Model model) {
        long t = CurrentTenant.id();
        List<PrintJob> jobs;
        String source;
        if (batch != null) {
            jobs = batches.progress(t, batch).printJobIds().stream().map(id -> printJobs.get(t, id)).toList();
            source = "batch";
        } else if (jobIds != null && !jobIds.isEmpty()) {
            jobs = jobIds.stream().map(id -> printJobs.get(t, id)).toList();
            source = "request";
        } else {
            jobs = printJobs.recent(t, null, RECENT_JOBS);
            source = "recent";
        }
        model.addAttribute("jobs", jobs);
        model.addAttribute("source", source);
        model.addAttribute("labelCount", jobs.stream().mapToInt(j -> j.labels().size()).sum());
        model.addAttribute("waiting", waitingLabels(t).size());
        model.addAttribute("sizes", LabelSize.values());
        return "console/print";
    }

    /** Print jobs for the labels of the orders waiting to ship that were not printed yet. */
    @PostMapping("/console/print")
    String printWaiting(@RequestParam(defaultValue = "76x130") String size, RedirectAttributes flash) {
        long t = CurrentTenant.id();
        List<Long> waiting = waitingLabels(t);
        if (waiting.isEmpty()) {
            throw new InvalidRequestException("no label is waiting to be printed");
        }
        PrintOutcome outcome = printJobs.create(t, PrintRequest.pdf(waiting, size(size), CurrentTenant.principal().subject()));
        return toJobs(outcome, flash);
    }

    @GetMapping("/console/print/jobs/{id}.pdf")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        PrintDocument document = printJobs.document(CurrentTenant.id(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + document.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document.bytes());
    }

    /** One parcel's label to look at (not a print: no print job is made). */
    @GetMapping("/console/shipments/{id}/label.pdf")
    ResponseEntity<byte[]> label(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"label-" + id + ".pdf\"")
                .body(labels.pdf(CurrentTenant.id(), id, LabelSize.S76X130));
    }

    @GetMapping("/console/shipments/{id}/label.png")
    ResponseEntity<byte[]> preview(@PathVariable long id) {
        byte[] png = LabelPreview.png(labels.pdf(CurrentTenant.id(), id, LabelSize.S76X130));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "private, max-age=60").body(png);
    }

    /** A label printed again (jammed printer, torn label): a print job that carries the reason. */
    @PostMapping("/console/print/reprint")
    String reprint(@RequestParam String number, @RequestParam(required = false) String reason,
                   @RequestParam(defaultValue = "76x130") String size, RedirectAttributes flash) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("a reprint needs a reason");
        }
        long t = CurrentTenant.id();
        String n = number.strip();
        Shipment parcel = shipments.findByTrackingNumber(t, n)
                .or(() -> orderByPlatformId(t, n).flatMap(o -> shipments.forOrder(t, o.id()).stream().filter(PrintController::printable).findFirst()))
                .orElseThrow(() -> new NotFoundException("no label with tracking number or order number " + n));
        PrintOutcome outcome = printJobs.create(t, new PrintRequest(List.of(parcel.id()), null, size(size), null, null, reason.strip(),
                null, CurrentTenant.principal().subject()));
        return toJobs(outcome, flash);
    }

    private String toJobs(PrintOutcome outcome, RedirectAttributes flash) {
        if (outcome.jobs().isEmpty()) {
            throw new InvalidRequestException("nothing was printed: " + outcome.skipped().stream()
                    .map(PrintOutcome.Skipped::reason).distinct().reduce((a, b) -> a + "; " + b).orElse("no labels"));
        }
        flash.addFlashAttribute("skipped", outcome.skipped());
        StringBuilder target = new StringBuilder("redirect:/console/print?");
        outcome.jobs().forEach(j -> target.append("job=").append(j.id()).append('&'));
        return target.substring(0, target.length() - 1);
    }

    private Optional<Order> orderByPlatformId(long t, String platformOrderId) {
        return orders.search(t, new Orders.Search(Set.of(), null, null, null, null, platformOrderId), null, null, 1)
                .items().stream().filter(o -> o.platformOrderId().equals(platformOrderId)).findFirst();
    }

    /** The valid labels of the orders waiting to ship (a batch's worth), each once, that no print job holds yet. */
    private List<Long> waitingLabels(long t) {
        List<Long> orderIds = orders.search(t, new Orders.Search(Set.of(OrderStatus.WAYBILL_ISSUED), null, null, null, null, null),
                null, null, PrintRequest.MAX_SHIPMENTS).items().stream().map(Order::id).toList();
        List<Long> labelled = printableShipments(t, orderIds);
        Set<Long> printed = printJobs.printCounts(t, labelled).keySet();
        return labelled.stream().filter(id -> !printed.contains(id)).toList();
    }

    /** The valid labels of these orders, each once (a merged parcel carries several orders). */
    private List<Long> printableShipments(long t, Collection<Long> orderIds) {
        Set<Long> out = new LinkedHashSet<>();
        Map<Long, List<Shipment>> byOrder = shipments.forOrders(t, orderIds);
        for (Long orderId : orderIds) {
            byOrder.getOrDefault(orderId, List.of()).stream().filter(PrintController::printable).forEach(s -> out.add(s.id()));
        }
        return new ArrayList<>(out);
    }

    /** A parcel with a waybill that is still valid (a cancelled waybill's label is void). */
    private static boolean printable(Shipment s) {
        return s.hasWaybill() && s.status() != ShipmentStatus.CANCELLED;
    }

    private static LabelSize size(String code) {
        return LabelSize.parse(code).orElseThrow(() -> new InvalidRequestException("size must be one of 76x130, 100x150, 100x180"));
    }
}
