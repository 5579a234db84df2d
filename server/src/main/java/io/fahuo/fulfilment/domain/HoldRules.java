package io.fahuo.fulfilment.domain;

import java.util.Optional;
import java.util.Set;

/** Automatic review: reasons to stop an order before any stock or waybill is spent on it. */
public final class HoldRules {

    private HoldRules() {
    }

    public static Optional<String> evaluate(Set<String> unknownSkuCodes) {
        if (!unknownSkuCodes.isEmpty()) {
            return Optional.of("unknown SKU: " + String.join(", ", unknownSkuCodes));
        }
        return Optional.empty();
    }
}
