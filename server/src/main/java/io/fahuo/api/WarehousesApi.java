package io.fahuo.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.ReturnAddress;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.inventory.domain.Warehouse;
import io.fahuo.inventory.domain.WarehouseKind;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/warehouses")
@Tag(name = "warehouses")
class WarehousesApi {

    record NewWarehouse(String code, String name, String kind, SenderProfile sender, ReturnAddress returnAddress) {
    }

    record View(long id, String code, String name, String kind, SenderProfile sender, List<String> senderMissing, ReturnAddress returnAddress) {
        static View of(Warehouse w) {
            return new View(w.id(), w.code(), w.name(), w.kind().name(), w.sender(), w.sender().missingFields(), w.returnAddress());
        }
    }

    private final Warehouses warehouses;

    WarehousesApi(Warehouses warehouses) {
        this.warehouses = warehouses;
    }

    @GetMapping
    List<View> list() {
        return warehouses.list(CurrentTenant.id()).stream().map(View::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A warehouse (OWN, OVERSEAS, THIRD_PARTY, FACTORY) with its sender real-name profile and return address")
    View create(@RequestBody NewWarehouse w) {
        if (w == null) {
            throw new InvalidRequestException("a JSON body is required");
        }
        WarehouseKind kind;
        try {
            kind = WarehouseKind.valueOf(w.kind() == null ? "OWN" : w.kind().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind must be one of OWN, OVERSEAS, THIRD_PARTY, FACTORY");
        }
        long t = CurrentTenant.id();
        Warehouse created = warehouses.create(t, w.code(), w.name(), kind, w.sender());
        if (w.returnAddress() != null) {
            warehouses.updateReturnAddress(t, created.id(), w.returnAddress());
        }
        return View.of(warehouses.get(t, created.id()));
    }

    @PutMapping("/{id}/sender")
    View sender(@PathVariable long id, @RequestBody SenderProfile sender) {
        if (sender == null) {
            throw new InvalidRequestException("a JSON body is required");
        }
        warehouses.updateSender(CurrentTenant.id(), id, sender);
        return View.of(warehouses.get(CurrentTenant.id(), id));
    }

    @PutMapping("/{id}/return-address")
    View returnAddress(@PathVariable long id, @RequestBody ReturnAddress address) {
        if (address == null) {
            throw new InvalidRequestException("a JSON body is required");
        }
        warehouses.updateReturnAddress(CurrentTenant.id(), id, address);
        return View.of(warehouses.get(CurrentTenant.id(), id));
    }
}
