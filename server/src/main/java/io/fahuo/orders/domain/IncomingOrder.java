package io.fahuo.orders.domain;

import java.time.Instant;
import java.util.List;

/** An order as a platform connector hands it over, already normalised. */
public record IncomingOrder(String platformOrderId, String platformStatus, PlatformState state, long amountFen,
                            Instant createdAt, Instant updatedAt, Instant paidAt, Instant shipBy,
                            String buyerRemark, String sellerRemark, ReceiverSnapshot receiver,
                            List<IncomingLine> lines) {

    public IncomingOrder {
        lines = List.copyOf(lines);
        if (platformOrderId == null || platformOrderId.isBlank()) {
            throw new IllegalArgumentException("platform order id is required");
        }
        if (updatedAt == null || createdAt == null) {
            throw new IllegalArgumentException("order " + platformOrderId + " lacks create/update time");
        }
    }
}
