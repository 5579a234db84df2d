package io.fahuo.orders.domain;

/**
 * Decides what an order's Fahuo status becomes when the platform reports it. Orders the pipeline is working
 * on (PENDING with work under way, WAYBILL_ISSUED) are not moved to SHIPPED here: the pipeline reconciles
 * them at its next step so that a waybill in flight is never forgotten.
 */
public final class IntakePolicy {

    public static final String PLATFORM_HOLD = "platform: paid but held by the platform (risk review)";

    /** Without a platform deadline, a paid order must ship within 48 hours of payment (the platforms' rule in China). */
    public static final java.time.Duration DEFAULT_SHIP_WITHIN = java.time.Duration.ofHours(48);

    private IntakePolicy() {
    }

    /** The ship-by deadline: the platform's own, else the rule's from the payment time; none while unpaid. */
    public static java.time.Instant shipBy(IncomingOrder order) {
        if (order.shipBy() != null) {
            return order.shipBy();
        }
        return order.paidAt() == null ? null : order.paidAt().plus(DEFAULT_SHIP_WITHIN);
    }

    public record Decision(OrderStatus status, String holdReason, boolean becameShippable, boolean cancelled) {
        static Decision keep(OrderStatus s, String hold) {
            return new Decision(s, hold, false, false);
        }
    }

    public static Decision forNewOrder(PlatformState state) {
        return switch (state) {
            case UNPAID -> Decision.keep(OrderStatus.UNPAID, null);
            case PAID_HELD -> Decision.keep(OrderStatus.ON_HOLD, PLATFORM_HOLD);
            case SHIPPABLE -> new Decision(OrderStatus.PENDING, null, true, false);
            case PARTLY_SHIPPED, SHIPPED, COMPLETED -> Decision.keep(OrderStatus.SHIPPED, null);
            case CANCELLED -> Decision.keep(OrderStatus.CANCELLED, null);
        };
    }

    public static Decision forUpdate(OrderStatus current, String currentHold, PlatformState state) {
        if (current == OrderStatus.CANCELLED) {
            return Decision.keep(current, currentHold);
        }
        if (state == PlatformState.CANCELLED) {
            if (current == OrderStatus.SHIPPED) {
                // after shipping a cancellation is an interception matter, the order stays shipped
                return Decision.keep(current, currentHold);
            }
            return new Decision(OrderStatus.CANCELLED, null, false, true);
        }
        boolean platformHeld = PLATFORM_HOLD.equals(currentHold);
        switch (state) {
            case SHIPPABLE:
                if (current == OrderStatus.UNPAID || (current == OrderStatus.ON_HOLD && platformHeld)) {
                    return new Decision(OrderStatus.PENDING, null, true, false);
                }
                return Decision.keep(current, currentHold);
            case PAID_HELD:
                if (current == OrderStatus.UNPAID) {
                    return Decision.keep(OrderStatus.ON_HOLD, PLATFORM_HOLD);
                }
                return Decision.keep(current, currentHold);
            case PARTLY_SHIPPED, SHIPPED, COMPLETED:
                if (current == OrderStatus.UNPAID || (current == OrderStatus.ON_HOLD && platformHeld)) {
                    return Decision.keep(OrderStatus.SHIPPED, null);
                }
                return Decision.keep(current, currentHold);
            default:
                return Decision.keep(current, currentHold);
        }
    }
}
