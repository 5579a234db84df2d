package io.fahuo.orders.domain;

import java.time.Instant;
import java.util.List;

public record Order(long id, long tenantId, long shopId, String platform, String platformOrderId, String platformStatus,
                    OrderStatus status, String holdReason, String lastError, long amountFen, Instant paidAt,
                    Instant shipBy, Instant platformCreatedAt, Instant platformUpdatedAt, String buyerRemark,
                    String sellerRemark, ReceiverSnapshot receiver, Long warehouseId, Instant createdAt,
                    Instant updatedAt, String carrierReason, List<OrderLine> lines) {

    public Order withLines(List<OrderLine> newLines) {
        return new Order(id, tenantId, shopId, platform, platformOrderId, platformStatus, status, holdReason, lastError,
                amountFen, paidAt, shipBy, platformCreatedAt, platformUpdatedAt, buyerRemark, sellerRemark, receiver,
                warehouseId, createdAt, updatedAt, carrierReason, List.copyOf(newLines));
    }
}
