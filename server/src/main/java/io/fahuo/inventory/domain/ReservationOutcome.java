package io.fahuo.inventory.domain;

import java.util.List;

/** What happened when an order asked for stock: all of it reserved, or nothing and the SKUs that fell short. */
public record ReservationOutcome(boolean reserved, List<String> shortSkus) {

    public static ReservationOutcome ok() {
        return new ReservationOutcome(true, List.of());
    }

    public static ReservationOutcome shortOf(List<String> skus) {
        return new ReservationOutcome(false, List.copyOf(skus));
    }
}
