package io.fahuo.fulfilment.domain;

import java.util.Set;

/** One carrier-selection rule; empty conditions match anything. Rules are tried in position order. */
public record CarrierRule(long id, int position, String name, Set<String> provinces, Set<String> cities, boolean remoteOnly,
                          Integer minWeightGrams, Integer maxWeightGrams, String skuTag, Long minAmountFen,
                          Long maxAmountFen, Long shopId, long courierAccountId) {

    public CarrierRule {
        provinces = Set.copyOf(provinces);
        cities = Set.copyOf(cities);
    }
}
