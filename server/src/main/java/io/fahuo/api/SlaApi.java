package io.fahuo.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.fulfilment.Sla;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/sla")
@Tag(name = "sla")
class SlaApi {

    private final Sla sla;

    SlaApi(Sla sla) {
        this.sla = sla;
    }

    @GetMapping("/at-risk")
    @Operation(summary = "Unshipped orders whose ship-by deadline is within the tenant's at-risk window (default 6 h), soonest first")
    List<Sla.Item> atRisk(@RequestParam(defaultValue = "100") int limit) {
        return sla.atRisk(CurrentTenant.id(), limit);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Unshipped orders past their ship-by deadline")
    List<Sla.Item> overdue(@RequestParam(defaultValue = "100") int limit) {
        return sla.overdue(CurrentTenant.id(), limit);
    }

    @GetMapping("/alerts")
    @Operation(summary = "SLA alerts raised (and their webhook delivery)")
    List<Sla.Alert> alerts(@RequestParam(defaultValue = "100") int limit) {
        return sla.alerts(CurrentTenant.id(), limit);
    }
}
