package io.fahuo.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.fahuo.fulfilment.Batches;
import io.fahuo.orders.Orders;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import jakarta.servlet.http.HttpServletResponse;

/** Batch actions from the order list; the progress fragment polls itself (htmx) until the batch is done. */
@Controller
class BatchesController {

    /** Stops htmx polling: the batch is finished and the fragment shows its final state. */
    private static final int HTMX_STOP_POLLING = 286;

    private final Batches batches;
    private final Orders orders;

    BatchesController(Batches batches, Orders orders) {
        this.batches = batches;
        this.orders = orders;
    }

    @PostMapping("/console/batches")
    String submit(@RequestParam String action, @RequestParam(name = "orderIds", required = false) List<Long> orderIds,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        if (orderIds == null || orderIds.isEmpty()) {
            throw new InvalidRequestException("select at least one order");
        }
        long t = CurrentTenant.id();
        long id = batches.submit(t, Batches.Action.parse(action), orderIds, CurrentTenant.principal().subject(), reason);
        return progress(id, model, response);
    }

    @GetMapping("/console/batches/{id}")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        long t = CurrentTenant.id();
        Batches.Progress progress = batches.progress(t, id);
        Map<Long, String> failedOrders = new LinkedHashMap<>();
        progress.results().stream().filter(r -> !r.ok()).forEach(r ->
                failedOrders.put(r.orderId(), orders.find(t, r.orderId()).map(o -> o.platformOrderId()).orElse("#" + r.orderId())));
        model.addAttribute("batch", progress);
        model.addAttribute("failedOrders", failedOrders);
        boolean done = "DONE".equals(progress.status());
        model.addAttribute("done", done);
        if (done) {
            response.setStatus(HTMX_STOP_POLLING);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return "console/fragments :: batch";
    }
}
