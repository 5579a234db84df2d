package io.fahuo.api;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/scan-to-ship")
@Tag(name = "shipments")
class ScanToShipApi {

    record Scan(String trackingNumber) {
    }

    private final Fulfilment fulfilment;
    private final Orders orders;
    private final Shipments shipments;

    ScanToShipApi(Fulfilment fulfilment, Orders orders, Shipments shipments) {
        this.fulfilment = fulfilment;
        this.orders = orders;
        this.shipments = shipments;
    }

    @PostMapping
    @Operation(summary = "Ship the parcel with this (scanned) tracking number now")
    OrderViews.OrderDetail scan(@RequestBody Scan scan) {
        if (scan == null) {
            throw new InvalidRequestException("a JSON body {\"trackingNumber\": …} is required");
        }
        long t = CurrentTenant.id();
        Order order = fulfilment.shipScanned(t, scan.trackingNumber());
        return OrderViews.detail(order, shipments.forOrder(t, order.id()), orders.timeline(t, order.id()));
    }
}
