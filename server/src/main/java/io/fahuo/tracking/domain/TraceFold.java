package io.fahuo.tracking.domain;

import java.time.Instant;
import java.util.List;

import io.fahuo.couriers.domain.ParcelState;

/**
 * The parcel's state from its trace lines, oldest first. A line's state moves the parcel, with the rules of
 * a return: once stopped or heading back, movement scans are the way back and a signature is the sender's
 * (RETURNED, not DELIVERED); a delivered or returned parcel only leaves that state for a return.
 */
public final class TraceFold {

    /** The state and the time of the line that put the parcel in it. */
    public record Result(ParcelState state, Instant since) {
    }

    /** A line as the fold needs it. */
    public record Line(Instant at, ParcelState state) {
    }

    private TraceFold() {
    }

    public static Result fold(ParcelState initial, Instant initialSince, List<Line> lines) {
        ParcelState state = initial;
        Instant since = initialSince;
        for (Line line : lines) {
            ParcelState next = next(state, line.state());
            if (next != state) {
                state = next;
                since = line.at();
            }
        }
        return new Result(state, since);
    }

    static ParcelState next(ParcelState current, ParcelState line) {
        if (line == null) {
            return current;
        }
        if (current.inReturnFlow()) {
            return switch (line) {
                case DELIVERED, RETURNED -> ParcelState.RETURNED;
                case COLLECTED, IN_TRANSIT, OUT_FOR_DELIVERY, RETURNING ->
                        current == ParcelState.RETURNED ? ParcelState.RETURNED : ParcelState.RETURNING;
                default -> current;
            };
        }
        if (current == ParcelState.DELIVERED) {
            return line == ParcelState.RETURNING || line == ParcelState.RETURNED ? line : current;
        }
        if (line == ParcelState.AWAITING_PICKUP && current != ParcelState.AWAITING_PICKUP) {
            // a late "awaiting pickup" line never undoes a pickup
            return current;
        }
        return line;
    }
}
