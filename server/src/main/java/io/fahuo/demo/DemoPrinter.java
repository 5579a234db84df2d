package io.fahuo.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.Warehouse;
import io.fahuo.printing.BinLocations;
import io.fahuo.printing.Printers;
import io.fahuo.printing.domain.Printer;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.simulator.DemoCatalog;
import io.fahuo.simulator.printer.RawPrinterSimulator;
import io.fahuo.tenancy.Tenants;

/**
 * Gives the demo warehouse a TSPL thermal printer — the simulated one, which records what it gets — that
 * prints every new label by itself, and bins for the demo SKUs so pick lists have a picking path. Runs at
 * every start, after {@link DemoSetup}, because the simulated printer listens on a new port each time.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "fahuo.demo", havingValue = "true")
class DemoPrinter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPrinter.class);
    static final String PRINTER_NAME = "HZ-01 热敏打印机 (模拟)";

    private final Warehouses warehouses;
    private final Printers printers;
    private final BinLocations bins;
    private final ObjectProvider<RawPrinterSimulator> simulator;

    DemoPrinter(Warehouses warehouses, Printers printers, BinLocations bins, ObjectProvider<RawPrinterSimulator> simulator) {
        this.warehouses = warehouses;
        this.printers = printers;
        this.bins = bins;
        this.simulator = simulator;
    }

    @Override
    public void run(ApplicationArguments args) {
        RawPrinterSimulator printer = simulator.getIfAvailable();
        long t = Tenants.DEFAULT_TENANT_ID;
        Warehouse warehouse = warehouses.findByCode(t, DemoSetup.WAREHOUSE_CODE).orElse(null);
        if (printer == null || warehouse == null) {
            return;
        }
        Printers.Settings settings = new Printers.Settings(warehouse.id(), PRINTER_NAME, LabelFormat.TSPL, LabelSpec.DEFAULT_DPI, LabelSize.S76X130,
                printer.host(), printer.port(), Printers.Settings.DEFAULT_CONNECT_TIMEOUT, Printers.Settings.DEFAULT_WRITE_TIMEOUT, true);
        Printer configured = printers.list(t, warehouse.id()).stream().filter(p -> p.name().equals(PRINTER_NAME)).findFirst()
                .map(p -> printers.update(t, p.id(), settings))
                .orElseGet(() -> printers.add(t, settings));
        List<DemoCatalog.Product> products = DemoCatalog.PRODUCTS;
        for (int i = 0; i < products.size(); i++) {
            bins.assign(t, warehouse.id(), products.get(i).code(), String.format("A-%02d-%02d", i / 4 + 1, i % 4 + 1));
        }
        log.info("demo mode: {} prints every new label (see /sim/printer/_control/jobs)", configured.describe());
    }
}
