package io.fahuo.console;

import java.time.Instant;

import io.fahuo.orders.Orders.Cursor;
import io.fahuo.shared.InvalidRequestException;

/** A keyset cursor in a URL: {@code <ship-by epoch millis>_<id>}, or {@code n_<id>} for orders without a deadline. */
final class PageCursor {

    private PageCursor() {
    }

    static Cursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int cut = text.indexOf('_');
        try {
            if (cut < 1) {
                throw new NumberFormatException(text);
            }
            String shipBy = text.substring(0, cut);
            long id = Long.parseLong(text.substring(cut + 1));
            return new Cursor("n".equals(shipBy) ? null : Instant.ofEpochMilli(Long.parseLong(shipBy)), id);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'" + text + "' is not a page position");
        }
    }

    static String format(Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        return (cursor.shipBy() == null ? "n" : Long.toString(cursor.shipBy().toEpochMilli())) + "_" + cursor.id();
    }
}
