package io.fahuo.orders.domain;

import java.time.Instant;
import java.util.List;

/** An order as a platform connector hands it over, already normalised. */
public record IncomingOrder(String platformOrderId, String platformStatus, PlatformState state, long amountFen,
                            Instant createdAt, Instant updatedAt, Instant paidAt, Instant shipBy,
                            String buyerRemark, String sellerRemark, ReceiverSnapshot receiver,
                            List<IncomingLine> lines, AfterSale afterSale) {

    public IncomingOrder {
        lines = List.copyOf(lines);
        afterSale = afterSale == null ? AfterSale.NONE : afterSale;
        if (platformOrderId == null || platformOrderId.isBlank()) {
            throw new IllegalArgumentException("platform order id is required");
        }
        if (updatedAt == null || createdAt == null) {
            throw new IllegalArgumentException("order " + platformOrderId + " lacks create/update time");
        }
    }

    /** An order without after-sale. */
    public IncomingOrder(String platformOrderId, String platformStatus, PlatformState state, long amountFen,
                         Instant createdAt, Instant updatedAt, Instant paidAt, Instant shipBy,
                         String buyerRemark, String sellerRemark, ReceiverSnapshot receiver, List<IncomingLine> lines) {
        this(platformOrderId, platformStatus, state, amountFen, createdAt, updatedAt, paidAt, shipBy, buyerRemark, sellerRemark,
                receiver, lines, AfterSale.NONE);
    }
}
