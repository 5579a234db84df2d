package io.fahuo.fulfilment.domain;

/**
 * One automatic-review rule a merchant set. Unknown SKUs and orders the platform itself holds are always
 * held; these rules add to that.
 */
public record HoldRule(long id, Kind kind, String matchValue) {

    public enum Kind {
        /** The buyer's remark contains the value (any remark when the value is empty). */
        BUYER_REMARK,
        /** The merchant's own remark on the platform contains the value (any remark when empty). */
        SELLER_REMARK,
        /** The order's amount in fen is above the value. */
        AMOUNT_OVER,
        /** The buyer changed the address after paying. */
        ADDRESS_CHANGE
    }
}
