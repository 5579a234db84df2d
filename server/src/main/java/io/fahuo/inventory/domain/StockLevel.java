package io.fahuo.inventory.domain;

public record StockLevel(long warehouseId, String skuCode, int onHand, int reserved) {

    public int available() {
        return onHand - reserved;
    }
}
