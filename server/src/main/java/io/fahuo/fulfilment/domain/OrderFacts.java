package io.fahuo.fulfilment.domain;

import java.util.Set;

/** What automatic review looks at. */
public record OrderFacts(String buyerRemark, String sellerRemark, long amountFen, Set<String> unknownSkus) {
}
