package io.fahuo.api;

import java.util.List;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.inventory.Skus;
import io.fahuo.inventory.Stock;
import io.fahuo.inventory.StockCsv;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/stock")
@Tag(name = "stock")
class StockApi {

    record Level(long warehouseId, int onHand, int reserved, int available) {
    }

    record Threshold(Integer threshold) {
    }

    private final Stock stock;
    private final StockCsv csv;
    private final Skus skus;

    StockApi(Stock stock, StockCsv csv, Skus skus) {
        this.stock = stock;
        this.csv = csv;
        this.skus = skus;
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(summary = "SKUs and stock per warehouse as CSV (UTF-8)")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stock.csv\"")
                .body(csv.export(CurrentTenant.id()));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import SKUs and on-hand stock from CSV: all rows or none; wrong rows are listed in 'errors'")
    StockCsv.Imported importCsv(@RequestBody(required = false) String body) {
        return csv.importCsv(CurrentTenant.id(), body);
    }

    @GetMapping("/low")
    @Operation(summary = "SKUs whose available units (all warehouses) are below their low-stock threshold")
    List<Skus.LowStock> low() {
        return skus.lowStock(CurrentTenant.id());
    }

    @PutMapping("/thresholds/{sku}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void threshold(@PathVariable String sku, @RequestBody Threshold t) {
        skus.setLowStockThreshold(CurrentTenant.id(), sku, t == null ? null : t.threshold());
    }

    @GetMapping
    @Operation(summary = "Stock of one SKU per warehouse")
    List<Level> levels(@RequestParam String sku) {
        if (sku.isBlank()) {
            throw new InvalidRequestException("sku is required");
        }
        return stock.levels(CurrentTenant.id(), sku.strip()).stream()
                .map(l -> new Level(l.warehouseId(), l.onHand(), l.reserved(), l.available())).toList();
    }
}
