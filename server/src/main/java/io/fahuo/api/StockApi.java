package io.fahuo.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.inventory.Stock;
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

    private final Stock stock;

    StockApi(Stock stock) {
        this.stock = stock;
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
