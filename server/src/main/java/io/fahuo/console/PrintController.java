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

import io.fahuo.fulfilment.Batches;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.tenancy.CurrentTenant;

/**
 * Printing labels: a selection (a print batch, or the orders waiting for their labels) becomes print jobs of
 * at most {@link Batches#LABELS_PER_PRINT_JOB} labels, each one PDF for the browser's print dialog.
 */
@Controller
class PrintController {

    record PrintJob(int number, int first, int last, List<Long> shipmentIds) {
    }

    /** How many waiting orders the print page offers at once (the batch limit). */
    private static final int WAITING_LIMIT = Batches.MAX_ORDERS;

    private final Batches batches;
    private final Orders orders;
    private final OrderProgress progress;
    private final Shipments shipments;
    private final Labels labels;

    PrintController(Batches batches, Orders orders, OrderProgress progress, Shipments shipments, Labels labels) {
        this.batches = batches;
        this.orders = orders;
        this.progress = progress;
        this.shipments = shipments;
        this.labels = labels;
    }

    @GetMapping("/console/print")
    String page(@RequestParam(required = false) Long batch, @RequestParam(required = false) Long reprint,
                @RequestParam(defaultValue = "76x130") String size, Model model) {
        long t = CurrentTenant.id();
        LabelSize labelSize = size(size);
        List<Long> labels;
        String source;
        if (reprint != null) {
            Shipment parcel = shipments.get(t, reprint);
            if (!printable(parcel)) {
                throw new InvalidRequestException("parcel " + reprint + " has no valid label to print");
            }
            labels = List.of(parcel.id());
            source = "reprint";
        } else if (batch != null) {
            labels = printableShipments(t, batches.progress(t, batch).results().stream().filter(Batches.Result::ok)
                    .map(Batches.Result::orderId).toList());
            source = "batch";
        } else {
            labels = printableShipments(t, orders.search(t, new Orders.Search(Set.of(OrderStatus.WAYBILL_ISSUED), null, null, null, null, null),
                    null, null, WAITING_LIMIT).items().stream().map(Order::id).toList());
            source = "waiting";
        }
        model.addAttribute("jobs", jobs(labels));
        model.addAttribute("labelCount", labels.size());
        model.addAttribute("source", source);
        model.addAttribute("batch", batch);
        model.addAttribute("size", labelSize.code());
        model.addAttribute("sizes", LabelSize.values());
        return "console/print";
    }

    @GetMapping("/console/print/labels.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(name = "shipment") List<Long> shipmentIds, @RequestParam(defaultValue = "76x130") String size) {
        if (shipmentIds.isEmpty() || shipmentIds.size() > Batches.LABELS_PER_PRINT_JOB) {
            throw new InvalidRequestException("a print job holds 1 to " + Batches.LABELS_PER_PRINT_JOB + " labels");
        }
        long t = CurrentTenant.id();
        byte[] pdf = labels.pdf(shipmentIds.stream().map(id -> labels.labelData(t, id)).toList(), size(size));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"labels-" + shipmentIds.get(0) + "-" + shipmentIds.size() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @GetMapping("/console/shipments/{id}/label.png")
    ResponseEntity<byte[]> preview(@PathVariable long id) {
        byte[] png = LabelPreview.png(labels.pdf(CurrentTenant.id(), id, LabelSize.S76X130));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "private, max-age=60").body(png);
    }

    /** A label printed again (jammed printer, torn label) is written to the order's timeline with its reason. */
    @PostMapping("/console/print/reprint")
    String reprint(@RequestParam String number, @RequestParam(required = false) String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("a reprint needs a reason");
        }
        long t = CurrentTenant.id();
        String n = number.strip();
        Shipment parcel = shipments.findByTrackingNumber(t, n)
                .or(() -> ordersByPlatformId(t, n).flatMap(o -> shipments.forOrder(t, o.id()).stream().filter(PrintController::printable).findFirst()))
                .orElseThrow(() -> new NotFoundException("no label with tracking number or order number " + n));
        if (parcel.status() == ShipmentStatus.CANCELLED) {
            throw new InvalidRequestException("the waybill " + parcel.trackingNumber() + " was cancelled; its label is void");
        }
        progress.record(t, parcel.orderId(), "PRINT", Outcome.INFO, "label " + parcel.trackingNumber() + " reprinted by "
                + CurrentTenant.principal().subject() + ": " + reason.strip(), 0);
        return "redirect:/console/print?reprint=" + parcel.id();
    }

    private Optional<Order> ordersByPlatformId(long t, String platformOrderId) {
        return orders.search(t, new Orders.Search(Set.of(), null, null, null, null, platformOrderId), null, null, 1)
                .items().stream().filter(o -> o.platformOrderId().equals(platformOrderId)).findFirst();
    }

    /** The valid labels of these orders, each once (a merged parcel carries several orders). */
    private List<Long> printableShipments(long t, Collection<Long> orderIds) {
        Set<Long> out = new LinkedHashSet<>();
        Map<Long, List<Shipment>> byOrder = shipments.forOrders(t, orderIds);
        for (Long orderId : orderIds) {
            byOrder.getOrDefault(orderId, List.of()).stream().filter(PrintController::printable).forEach(s -> out.add(s.id()));
        }
        return List.copyOf(out);
    }

    /** A parcel with a waybill that is still valid (a cancelled waybill's label is void). */
    private static boolean printable(Shipment s) {
        return s.hasWaybill() && s.status() != ShipmentStatus.CANCELLED;
    }

    static List<PrintJob> jobs(List<Long> shipmentIds) {
        List<PrintJob> jobs = new ArrayList<>();
        int per = Batches.LABELS_PER_PRINT_JOB;
        for (int from = 0; from < shipmentIds.size(); from += per) {
            int to = Math.min(from + per, shipmentIds.size());
            jobs.add(new PrintJob(jobs.size() + 1, from + 1, to, List.copyOf(shipmentIds.subList(from, to))));
        }
        return jobs;
    }

    private static LabelSize size(String code) {
        return LabelSize.parse(code).orElseThrow(() -> new InvalidRequestException("size must be one of 76x130, 100x150, 100x180"));
    }
}
