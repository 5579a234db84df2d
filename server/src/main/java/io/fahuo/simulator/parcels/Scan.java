package io.fahuo.simulator.parcels;

import java.time.Instant;

/** One thing that happens to a simulated parcel, where and when; each carrier writes it in its own words and codes. */
public record Scan(Instant at, Kind kind, String city, String site) {

    public enum Kind {
        COLLECTED, DEPARTED, ARRIVED, ARRIVED_DESTINATION_CITY, OUT_FOR_DELIVERY, DELIVERED, LOST, REFUSED, INTERCEPTED,
        RETURNING, RETURNED
    }
}
