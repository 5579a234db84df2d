package io.fahuo.orders.domain;

public record OrderLine(long id, int lineNo, String platformLineId, String platformSkuId, String skuCode,
                        String productName, String spec, int quantity, long amountFen) {
}
