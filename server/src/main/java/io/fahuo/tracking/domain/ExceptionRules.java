package io.fahuo.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.shipments.domain.WaybillSource;

/** Which exceptions a parcel should show now, each with what the merchant reads. */
public final class ExceptionRules {

    private ExceptionRules() {
    }

    /**
     * For every kind: the detail when it should be open, empty when it should not (a disabled rule is
     * never open). {@code lastLine}: the newest trace line's text, shown for courier-reported problems.
     */
    public static Map<ExceptionKind, Optional<String>> evaluate(TrackedParcel p, String lastLine, Instant now,
                                                               Map<ExceptionKind, TrackingRule> rules) {
        Map<ExceptionKind, Optional<String>> out = new EnumMap<>(ExceptionKind.class);
        for (ExceptionKind kind : ExceptionKind.values()) {
            TrackingRule rule = rules.get(kind);
            out.put(kind, rule == null || !rule.enabled() ? Optional.empty() : check(kind, p, lastLine, now, rule.threshold()));
        }
        return out;
    }

    private static Optional<String> check(ExceptionKind kind, TrackedParcel p, String lastLine, Instant now, Duration after) {
        return switch (kind) {
            case NO_PICKUP -> p.source() == WaybillSource.COURIER_API && p.state() == ParcelState.AWAITING_PICKUP
                    && p.interceptState() == null && passed(p.registeredAt(), after, now)
                    ? Optional.of("no pickup scan " + hours(p.registeredAt(), now) + " h after the waybill was issued (揽收超时)")
                    : Optional.empty();
            case STALLED -> p.state().moving() && p.lastEventAt() != null && passed(p.lastEventAt(), after, now)
                    ? Optional.of("no movement for " + hours(p.lastEventAt(), now) + " h (停滞); last: " + nz(lastLine))
                    : Optional.empty();
            case PROBLEM -> p.state() == ParcelState.EXCEPTION && passed(p.stateAt(), after, now)
                    ? Optional.of("the courier reports a problem: " + nz(lastLine))
                    : Optional.empty();
            case RETURNED -> (p.state() == ParcelState.RETURNING || p.state() == ParcelState.RETURNED) && passed(p.stateAt(), after, now)
                    ? Optional.of(p.state() == ParcelState.RETURNED ? "returned to the sender" : "on its way back to the sender")
                    : Optional.empty();
            case UNCONFIRMED_NUMBER -> p.source() == WaybillSource.HAND_ENTERED && !p.courierConfirmed() && passed(p.registeredAt(), after, now)
                    ? Optional.of("no courier trace confirms hand-entered number " + p.trackingNumber() + " after "
                            + hours(p.registeredAt(), now) + " h; it is not written back to the platform")
                    : Optional.empty();
            case INTERCEPT_FAILED -> p.interceptState() != null && p.interceptState().failed()
                    ? Optional.of("the order was cancelled after shipping but the parcel was not intercepted: " + nz(p.interceptDetail()))
                    : Optional.empty();
        };
    }

    private static boolean passed(Instant since, Duration after, Instant now) {
        return since != null && !since.plus(after).isAfter(now);
    }

    private static long hours(Instant since, Instant now) {
        return Duration.between(since, now).toHours();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
