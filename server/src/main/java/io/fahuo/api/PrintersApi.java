package io.fahuo.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.printing.BinLocations;
import io.fahuo.printing.Printers;
import io.fahuo.printing.domain.Printer;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "printing")
class PrintersApi {

    /** A raw printer: zpl or tspl on TCP (port 9100 unless given), timeouts in milliseconds (3000 and 10000 unless given). */
    record PrinterSettings(Long warehouseId, String name, String language, Integer dpi, String size, String host, Integer port,
                           Integer connectTimeoutMs, Integer writeTimeoutMs, Boolean autoPrint) {
    }

    record PrinterView(long id, long warehouseId, String name, String language, int dpi, String size, String host, int port,
                       long connectTimeoutMs, long writeTimeoutMs, boolean autoPrint) {
    }

    record BinAssignment(String bin) {
    }

    private final Printers printers;
    private final BinLocations bins;

    PrintersApi(Printers printers, BinLocations bins) {
        this.printers = printers;
        this.bins = bins;
    }

    @PostMapping("/printers")
    @Operation(summary = "Add a raw thermal printer (ZPL or TSPL over TCP) to a warehouse")
    ResponseEntity<PrinterView> add(@RequestBody PrinterSettings body) {
        Printer p = printers.add(CurrentTenant.id(), settings(body));
        return ResponseEntity.created(URI.create("/api/v1/printers/" + p.id())).body(view(p));
    }

    @PutMapping("/printers/{id}")
    @Operation(summary = "Change a printer's settings")
    PrinterView update(@PathVariable long id, @RequestBody PrinterSettings body) {
        return view(printers.update(CurrentTenant.id(), id, settings(body)));
    }

    @GetMapping("/printers")
    @Operation(summary = "The printers, of all warehouses or of one")
    List<PrinterView> list(@RequestParam(required = false) Long warehouseId) {
        return printers.list(CurrentTenant.id(), warehouseId).stream().map(PrintersApi::view).toList();
    }

    @GetMapping("/printers/{id}")
    PrinterView get(@PathVariable long id) {
        return view(printers.get(CurrentTenant.id(), id));
    }

    @PutMapping("/warehouses/{warehouseId}/bin-locations/{sku}")
    @Operation(summary = "Put a SKU at a bin (库位) of a warehouse, for pick lists")
    ResponseEntity<Void> assignBin(@PathVariable long warehouseId, @PathVariable String sku, @RequestBody BinAssignment body) {
        bins.assign(CurrentTenant.id(), warehouseId, sku, body.bin());
        return ResponseEntity.noContent().build();
    }

    private static Printers.Settings settings(PrinterSettings b) {
        if (b.warehouseId() == null) {
            throw new InvalidRequestException("warehouseId is required");
        }
        if (b.language() == null || b.size() == null) {
            throw new InvalidRequestException("language (zpl or tspl) and size (76x130, 100x150 or 100x180) are required");
        }
        return new Printers.Settings(b.warehouseId(), b.name(), LabelRequests.format(b.language()),
                b.dpi() == null ? LabelSpec.DEFAULT_DPI : b.dpi(), LabelRequests.size(b.size()), b.host(),
                b.port() == null ? Printers.Settings.RAW_PORT : b.port(),
                b.connectTimeoutMs() == null ? Printers.Settings.DEFAULT_CONNECT_TIMEOUT : Duration.ofMillis(b.connectTimeoutMs()),
                b.writeTimeoutMs() == null ? Printers.Settings.DEFAULT_WRITE_TIMEOUT : Duration.ofMillis(b.writeTimeoutMs()),
                Boolean.TRUE.equals(b.autoPrint()));
    }

    private static PrinterView view(Printer p) {
        return new PrinterView(p.id(), p.warehouseId(), p.name(), p.spec().format().extension(), p.spec().dpi(), p.spec().size().code(),
                p.host(), p.port(), p.connectTimeout().toMillis(), p.writeTimeout().toMillis(), p.autoPrint());
    }
}
