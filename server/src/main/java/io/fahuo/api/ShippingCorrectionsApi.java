package io.fahuo.api;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.fulfilment.ShippingNumberCorrections;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "orders")
class ShippingCorrectionsApi {

    private final ShippingNumberCorrections corrections;

    ShippingCorrectionsApi(ShippingNumberCorrections corrections) {
        this.corrections = corrections;
    }

    @PostMapping("/api/v1/orders/{id}/shipping-correction")
    @Operation(summary = "Make the platform show the shipped order's current tracking number (Douyin order.logisticsEdit), "
            + "e.g. after its waybill was re-issued; 409 when the order is not shipped, has several parcels or the platform refuses")
    ShippingNumberCorrections.Correction correct(@PathVariable long id) {
        return corrections.correct(CurrentTenant.id(), id);
    }
}
