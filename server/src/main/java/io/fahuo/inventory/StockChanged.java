package io.fahuo.inventory;

/** Published after a committed change of on-hand or reserved stock of a SKU. */
public record StockChanged(long tenantId, String skuCode) {
}
