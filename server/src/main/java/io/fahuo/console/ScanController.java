package io.fahuo.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.fulfilment.StepFailure;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.ExternalCallException;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.tenancy.CurrentTenant;

/**
 * Scan-to-ship at the packing table: a barcode scanner types the tracking number and Enter; the parcel is
 * confirmed to the platform at once and the page answers with a colour and a sound.
 */
@Controller
class ScanController {

    /** What the packer sees (and hears) for one scan. */
    record ScanResult(String outcome, String number, Order order, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(ScanController.class);

    private final Fulfilment fulfilment;

    ScanController(Fulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    @GetMapping("/console/scan")
    String page() {
        return "console/scan";
    }

    @PostMapping("/console/scan")
    String scan(@RequestParam(defaultValue = "") String number, Model model) {
        String n = number.strip();
        ScanResult result;
        try {
            Order order = fulfilment.shipScanned(CurrentTenant.id(), n);
            result = order.status() == OrderStatus.SHIPPED
                    ? new ScanResult("shipped", n, order, null)
                    : new ScanResult("failed", n, order, order.status() + (order.holdReason() == null ? "" : ": " + order.holdReason())
                            + (order.lastError() == null ? "" : " — " + order.lastError()));
        } catch (NotFoundException | InvalidRequestException e) {
            // the outcome says it all: the number is not one of this merchant's waybills
            result = new ScanResult("unknown", n, null, null);
        } catch (ConflictException e) {
            result = new ScanResult("refused", n, null, e.getMessage());
        } catch (ExternalCallException | StepFailure e) {
            log.info("scan-to-ship of {} failed: {}", n, e.getMessage());
            result = new ScanResult("failed", n, null, e.getMessage());
        }
        model.addAttribute("scan", result);
        return "console/fragments :: scanResult";
    }
}
