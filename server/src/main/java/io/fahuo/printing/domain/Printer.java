package io.fahuo.printing.domain;

import java.time.Duration;

import io.fahuo.shipments.domain.LabelSpec;

/**
 * A thermal printer on the warehouse network that takes raw ZPL or TSPL on a TCP port (9100 by
 * convention). {@code autoPrint}: the pipeline prints each new label of the warehouse on it.
 */
public record Printer(long id, long tenantId, long warehouseId, String name, LabelSpec spec, String host, int port,
                      Duration connectTimeout, Duration writeTimeout, boolean autoPrint) {

    /** How errors name the printer: its name and address. */
    public String describe() {
        return "printer '" + name + "' (" + host + ":" + port + ")";
    }
}
