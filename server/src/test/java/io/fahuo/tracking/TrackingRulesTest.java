package io.fahuo.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.shared.Carrier;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.domain.ExceptionKind;
import io.fahuo.tracking.domain.ExceptionRules;
import io.fahuo.tracking.domain.InterceptState;
import io.fahuo.tracking.domain.PollPolicy;
import io.fahuo.tracking.domain.TraceFold;
import io.fahuo.tracking.domain.TrackedParcel;
import io.fahuo.tracking.domain.TrackingRule;

/** The pure rules of tracking: the state a trace means, the exceptions a parcel shows, when to ask again. */
class TrackingRulesTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    static Instant h(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    static TraceFold.Result fold(ParcelState... states) {
        List<TraceFold.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            lines.add(new TraceFold.Line(h(i + 1), states[i]));
        }
        return TraceFold.fold(ParcelState.AWAITING_PICKUP, T0, lines);
    }

    @Test
    void aTraceMovesTheParcelForward() {
        assertThat(fold(ParcelState.COLLECTED, ParcelState.IN_TRANSIT, null, ParcelState.OUT_FOR_DELIVERY, ParcelState.DELIVERED))
                .isEqualTo(new TraceFold.Result(ParcelState.DELIVERED, h(5)));
        assertThat(fold(ParcelState.COLLECTED, ParcelState.EXCEPTION, ParcelState.IN_TRANSIT).state()).isEqualTo(ParcelState.IN_TRANSIT);
        assertThat(fold(ParcelState.COLLECTED, ParcelState.AWAITING_PICKUP).state()).isEqualTo(ParcelState.COLLECTED);
        assertThat(fold().state()).isEqualTo(ParcelState.AWAITING_PICKUP);
    }

    @Test
    void onTheWayBackASignatureIsTheSendersAndDeliveredOnlyLeavesForAReturn() {
        assertThat(fold(ParcelState.COLLECTED, ParcelState.INTERCEPTED, ParcelState.IN_TRANSIT).state()).isEqualTo(ParcelState.RETURNING);
        assertThat(fold(ParcelState.COLLECTED, ParcelState.INTERCEPTED, ParcelState.IN_TRANSIT, ParcelState.DELIVERED))
                .isEqualTo(new TraceFold.Result(ParcelState.RETURNED, h(4)));
        assertThat(fold(ParcelState.COLLECTED, ParcelState.RETURNING, ParcelState.EXCEPTION).state()).isEqualTo(ParcelState.RETURNING);
        assertThat(fold(ParcelState.DELIVERED, ParcelState.EXCEPTION, ParcelState.IN_TRANSIT).state()).isEqualTo(ParcelState.DELIVERED);
        assertThat(fold(ParcelState.DELIVERED, ParcelState.RETURNING).state()).isEqualTo(ParcelState.RETURNING);
        assertThat(fold(ParcelState.INTERCEPTED).state()).isEqualTo(ParcelState.INTERCEPTED);
    }

    static TrackedParcel parcel(WaybillSource source, ParcelState state, Instant stateAt, Instant lastEvent, Instant confirmed,
                                InterceptState intercept, int failures) {
        return new TrackedParcel(1, 1, 2, 3, 4, Carrier.ZTO, "73100000000001", source, state, stateAt, lastEvent, T0, null, confirmed,
                null, intercept, intercept == null ? null : "refused", null, null, failures);
    }

    static Map<ExceptionKind, TrackingRule> rules(ExceptionKind off) {
        Map<ExceptionKind, TrackingRule> m = new EnumMap<>(ExceptionKind.class);
        m.put(ExceptionKind.NO_PICKUP, new TrackingRule(ExceptionKind.NO_PICKUP, off != ExceptionKind.NO_PICKUP, Duration.ofHours(24)));
        m.put(ExceptionKind.STALLED, new TrackingRule(ExceptionKind.STALLED, off != ExceptionKind.STALLED, Duration.ofHours(48)));
        m.put(ExceptionKind.PROBLEM, new TrackingRule(ExceptionKind.PROBLEM, true, Duration.ZERO));
        m.put(ExceptionKind.RETURNED, new TrackingRule(ExceptionKind.RETURNED, true, Duration.ZERO));
        m.put(ExceptionKind.UNCONFIRMED_NUMBER, new TrackingRule(ExceptionKind.UNCONFIRMED_NUMBER, true, Duration.ofHours(72)));
        m.put(ExceptionKind.INTERCEPT_FAILED, new TrackingRule(ExceptionKind.INTERCEPT_FAILED, true, Duration.ZERO));
        return m;
    }

    static java.util.Set<ExceptionKind> open(TrackedParcel p, Instant now, ExceptionKind off) {
        Map<ExceptionKind, Optional<String>> due = ExceptionRules.evaluate(p, "line", now, rules(off));
        return due.entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(ExceptionKind.class)));
    }

    @Test
    void noPickupAfterADayAndNoMovementAfterTwoDays() {
        TrackedParcel waiting = parcel(WaybillSource.COURIER_API, ParcelState.AWAITING_PICKUP, T0, null, null, null, 0);
        assertThat(open(waiting, h(23), null)).isEmpty();
        assertThat(open(waiting, h(24), null)).containsExactly(ExceptionKind.NO_PICKUP);
        assertThat(open(waiting, h(30), ExceptionKind.NO_PICKUP)).isEmpty();
        TrackedParcel moving = parcel(WaybillSource.COURIER_API, ParcelState.IN_TRANSIT, h(10), h(10), h(2), null, 0);
        assertThat(open(moving, h(57), null)).isEmpty();
        assertThat(open(moving, h(58), null)).containsExactly(ExceptionKind.STALLED);
        assertThat(ExceptionRules.evaluate(moving, "已到达", h(60), rules(null)).get(ExceptionKind.STALLED)).get().asString()
                .contains("50 h").contains("停滞");
    }

    @Test
    void problemsReturnsUnconfirmedNumbersAndFailedInterceptions() {
        assertThat(open(parcel(WaybillSource.COURIER_API, ParcelState.EXCEPTION, h(5), h(5), h(1), null, 0), h(5), null))
                .containsExactly(ExceptionKind.PROBLEM);
        assertThat(open(parcel(WaybillSource.COURIER_API, ParcelState.RETURNED, h(5), h(5), h(1), null, 0), h(5), null))
                .containsExactly(ExceptionKind.RETURNED);
        TrackedParcel typed = parcel(WaybillSource.HAND_ENTERED, ParcelState.AWAITING_PICKUP, T0, null, null, null, 0);
        assertThat(open(typed, h(71), null)).isEmpty();
        assertThat(open(typed, h(72), null)).containsExactly(ExceptionKind.UNCONFIRMED_NUMBER);
        assertThat(open(parcel(WaybillSource.HAND_ENTERED, ParcelState.COLLECTED, h(2), h(2), h(2), null, 0), h(40), null)).isEmpty();
        assertThat(open(parcel(WaybillSource.COURIER_API, ParcelState.AWAITING_PICKUP, T0, null, null, InterceptState.UNSUPPORTED, 0), h(1), null))
                .containsExactly(ExceptionKind.INTERCEPT_FAILED);
    }

    @Test
    void pollingBacksOffByStateAndStopsWhenSettled() {
        PollPolicy policy = new PollPolicy(Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(2), Duration.ofHours(4),
                Duration.ofHours(12), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofDays(30));
        assertThat(policy.next(parcel(WaybillSource.COURIER_API, ParcelState.AWAITING_PICKUP, T0, null, null, null, 0), h(1)))
                .contains(Duration.ofHours(2));
        assertThat(policy.next(parcel(WaybillSource.COURIER_API, ParcelState.IN_TRANSIT, h(3), h(3), h(2), null, 0), h(4)))
                .contains(Duration.ofHours(6));
        assertThat(policy.next(parcel(WaybillSource.HAND_ENTERED, ParcelState.AWAITING_PICKUP, T0, null, null, null, 0), h(1)))
                .contains(Duration.ofHours(1));
        assertThat(policy.next(parcel(WaybillSource.COURIER_API, ParcelState.IN_TRANSIT, h(3), h(3), h(2), null, 3), h(4)))
                .contains(Duration.ofMinutes(20));
        assertThat(policy.next(parcel(WaybillSource.COURIER_API, ParcelState.DELIVERED, h(3), h(3), h(2), null, 0), h(4))).isEmpty();
        assertThat(policy.next(parcel(WaybillSource.COURIER_API, ParcelState.INTERCEPTED, h(3), h(3), h(2), InterceptState.WITHDRAWN, 0), h(4)))
                .isEmpty();
        assertThat(policy.next(parcel(WaybillSource.COURIER_API, ParcelState.IN_TRANSIT, h(3), h(3), h(2), null, 0), h(24 * 31))).isEmpty();
    }
}
