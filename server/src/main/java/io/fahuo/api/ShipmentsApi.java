package io.fahuo.api;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.shipments.Labels;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/shipments")
@Tag(name = "shipments")
class ShipmentsApi {

    private final Labels labels;

    ShipmentsApi(Labels labels) {
        this.labels = labels;
    }

    @GetMapping("/{id}/label")
    @Operation(summary = "The shipping label of a shipment, as PDF or in a thermal printer's language")
    ResponseEntity<byte[]> label(@PathVariable long id,
                                 @Parameter(description = "pdf, zpl or tspl") @RequestParam(defaultValue = "pdf") String format,
                                 @Parameter(description = "76x130, 100x150 or 100x180") @RequestParam(defaultValue = "76x130") String size,
                                 @Parameter(description = "printer resolution for zpl and tspl: 203 or 300")
                                 @RequestParam(required = false) Integer dpi) {
        LabelSpec spec = LabelRequests.spec(format, size, dpi);
        byte[] body = labels.render(CurrentTenant.id(), List.of(id), spec);
        return LabelRequests.document(body, spec.format(), "label-" + id + "-" + spec.size().code());
    }
}
