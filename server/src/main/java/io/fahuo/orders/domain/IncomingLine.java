package io.fahuo.orders.domain;

public record IncomingLine(String platformLineId, String platformSkuId, String skuCode, String productName,
                           String spec, int quantity, long amountFen) {
}
