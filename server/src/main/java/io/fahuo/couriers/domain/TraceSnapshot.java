package io.fahuo.couriers.domain;

import java.util.Comparator;
import java.util.List;

import io.fahuo.shared.Carrier;

/**
 * What a courier said about one parcel at one moment: every trace line it knows (oldest first) and, where
 * the courier summarises, its own overall state. No lines means the courier has no trace for the number.
 */
public record TraceSnapshot(Carrier carrier, String trackingNumber, List<TraceEvent> events, ParcelState courierState) {

    public TraceSnapshot {
        events = events.stream().sorted(Comparator.comparing(TraceEvent::at)).toList();
    }

    public boolean found() {
        return !events.isEmpty();
    }
}
