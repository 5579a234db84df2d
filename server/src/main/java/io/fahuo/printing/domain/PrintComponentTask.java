package io.fahuo.printing.domain;

import java.util.List;
import java.util.Map;

/** A {@code print} command for one platform print component, ready to send over its WebSocket. */
public record PrintComponentTask(PrintComponent component, String websocketUrl, List<Long> shipmentIds, Map<String, Object> message) {

    public PrintComponentTask {
        shipmentIds = List.copyOf(shipmentIds);
    }
}
