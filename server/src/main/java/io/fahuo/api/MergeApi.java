package io.fahuo.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.fulfilment.Merging;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/merges")
@Tag(name = "orders")
class MergeApi {

    record MergeRequest(List<Long> orderIds) {
    }

    record Merged(long shipmentId, List<Long> orderIds) {
    }

    record SplitRequest(List<List<Long>> parcels) {
    }

    private final Merging merging;

    MergeApi(Merging merging) {
        this.merging = merging;
    }

    @GetMapping("/candidates")
    @Operation(summary = "Orders of one shop that look like the same buyer at the same address and have no waybill yet (合单)")
    List<Merging.Group> candidates() {
        return merging.candidates(CurrentTenant.id());
    }

    @PostMapping
    @Operation(summary = "Merge orders into one parcel (checked against the platform's plaintext receivers)")
    Merged merge(@RequestBody MergeRequest request) {
        if (request == null) {
            throw new InvalidRequestException("a JSON body {\"orderIds\": […]} is required");
        }
        Shipment parcel = merging.merge(CurrentTenant.id(), request.orderIds(), CurrentTenant.principal().subject());
        return new Merged(parcel.id(), request.orderIds());
    }

    @PostMapping("/split/{orderId}")
    @Operation(summary = "Split an order by hand into parcels, each a list of the order's line ids")
    List<Long> split(@org.springframework.web.bind.annotation.PathVariable long orderId, @RequestBody SplitRequest request) {
        return merging.splitByHand(CurrentTenant.id(), orderId, request == null ? null : request.parcels()).stream().map(Shipment::id).toList();
    }
}
