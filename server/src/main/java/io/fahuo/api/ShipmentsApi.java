package io.fahuo.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "The shipping label of a shipment")
    ResponseEntity<byte[]> label(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format,
                                 @RequestParam(defaultValue = "76x130") String size) {
        if (!"pdf".equalsIgnoreCase(format)) {
            throw new InvalidRequestException("format must be pdf");
        }
        LabelSize labelSize = LabelSize.parse(size)
                .orElseThrow(() -> new InvalidRequestException("size must be one of 76x130, 100x150, 100x180"));
        byte[] pdf = labels.pdf(CurrentTenant.id(), id, labelSize);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"label-" + id + "-" + labelSize.code() + ".pdf\"")
                .body(pdf);
    }
}
