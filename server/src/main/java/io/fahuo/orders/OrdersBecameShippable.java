package io.fahuo.orders;

import java.util.List;

/** Orders that just became paid and shippable (new, or released by the platform). */
public record OrdersBecameShippable(long tenantId, long shopId, List<Long> orderIds) {
}
