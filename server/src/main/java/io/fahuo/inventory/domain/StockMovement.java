package io.fahuo.inventory.domain;

import java.time.Instant;

/** One change of a SKU's stock in a warehouse, as the ledger keeps it. */
public record StockMovement(long id, long warehouseId, String skuCode, int deltaOnHand, int deltaReserved, MovementReason reason,
                            Long orderId, Instant at) {
}
