package io.fahuo.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;

import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.couriers.domain.TraceEvent;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.HandEnteredNumberConfirmed;
import io.fahuo.tracking.ParcelDelivered;
import io.fahuo.tracking.domain.ExceptionKind;
import io.fahuo.tracking.domain.ExceptionRules;
import io.fahuo.tracking.domain.PollPolicy;
import io.fahuo.tracking.domain.TraceFold;
import io.fahuo.tracking.domain.TrackedParcel;

/**
 * Takes what couriers say into a parcel: stores the new lines, recomputes the state from all of them, tells
 * the order's timeline and the rest of Fahuo what changed, and raises or resolves the parcel's exceptions.
 * Every change happens with the parcel row locked, so a push and a poll arriving together cannot interleave.
 */
@Component
public class ParcelUpdates {

    private static final Logger log = LoggerFactory.getLogger(ParcelUpdates.class);

    private final ParcelRows rows;
    private final Clock clock;
    private final SchedulerClient jobs;
    private final ApplicationEventPublisher events;
    private final OrderProgress progress;
    private final PollPolicy policy;

    ParcelUpdates(ParcelRows rows, Clock clock, SchedulerClient jobs, ApplicationEventPublisher events, OrderProgress progress,
                  TrackingSettings settings) {
        this.rows = rows;
        this.clock = clock;
        this.jobs = jobs;
        this.events = events;
        this.progress = progress;
        this.policy = settings.pollPolicy();
    }

    PollPolicy policy() {
        return policy;
    }

    @Transactional
    public TrackedParcel apply(long tenantId, long parcelId, List<TraceEvent> lines, ParcelRows.Via via) {
        TrackedParcel p = rows.lock(tenantId, parcelId).orElseThrow();
        Instant now = clock.instant();
        rows.addLines(p, lines, via, now);
        return refresh(p, now);
    }

    /** Recomputes a locked parcel from its stored lines. */
    TrackedParcel refresh(TrackedParcel p, Instant now) {
        List<ParcelRows.StoredLine> all = rows.lines(p.tenantId(), p.id());
        TraceFold.Result folded = TraceFold.fold(ParcelState.AWAITING_PICKUP, p.registeredAt(),
                all.stream().map(l -> new TraceFold.Line(l.at(), l.state())).toList());
        Instant lastEvent = all.stream().map(ParcelRows.StoredLine::at).max(Comparator.naturalOrder()).orElse(null);
        boolean courierShowedTrace = all.stream().anyMatch(l -> l.via() != ParcelRows.Via.ANSWER);
        Instant confirmedAt = p.confirmedAt() != null ? p.confirmedAt() : courierShowedTrace ? now : null;
        Instant deliveredAt = folded.state() == ParcelState.DELIVERED ? folded.since() : null;
        rows.updateTrace(p, folded.state(), folded.since(), lastEvent, confirmedAt, deliveredAt);
        TrackedParcel updated = rows.get(p.tenantId(), p.id()).orElseThrow();
        if (updated.state() != p.state()) {
            progress.record(p.tenantId(), p.orderId(), "TRACKING", Outcome.INFO, p.carrier() + " " + p.trackingNumber() + ": "
                    + p.state() + " → " + updated.state() + lastText(all).map(t -> " (" + t + ")").orElse(""), 0);
            if (updated.state() == ParcelState.RETURNED) {
                events.publishEvent(new io.fahuo.tracking.ParcelReturned(p.tenantId(), p.orderId(), p.shipmentId(), p.carrier(),
                        p.trackingNumber(), updated.stateAt()));
            }
            if (updated.state() == ParcelState.DELIVERED) {
                events.publishEvent(new ParcelDelivered(p.tenantId(), p.orderId(), p.shipmentId(), p.carrier(), p.trackingNumber(),
                        updated.deliveredAt()));
            }
        }
        if (p.confirmedAt() == null && confirmedAt != null && p.source() == WaybillSource.HAND_ENTERED) {
            progress.record(p.tenantId(), p.orderId(), "TRACKING", Outcome.OK, "a " + p.carrier() + " trace confirms hand-entered number "
                    + p.trackingNumber(), 0);
            events.publishEvent(new HandEnteredNumberConfirmed(p.tenantId(), p.orderId(), p.shipmentId(), p.carrier(), p.trackingNumber()));
        }
        evaluate(updated, all, now);
        return updated;
    }

    /** Raises the exceptions the parcel now shows and resolves those it no longer does (the parcel row locked first, as everywhere). */
    @Transactional
    public void evaluate(TrackedParcel p, Instant now) {
        rows.lock(p.tenantId(), p.id()).ifPresent(locked -> evaluate(locked, rows.lines(p.tenantId(), p.id()), now));
    }

    private void evaluate(TrackedParcel p, List<ParcelRows.StoredLine> lines, Instant now) {
        Map<ExceptionKind, Optional<String>> due = ExceptionRules.evaluate(p, lastText(lines).orElse(null), now, rows.rules(p.tenantId()));
        due.forEach((kind, detail) -> {
            if (detail.isPresent()) {
                rows.raise(p, kind, detail.get(), now);
            } else {
                rows.resolve(p, kind, now);
            }
        });
    }

    /** Moves the parcel's next poll: a push postpones it, a hint brings it forward. */
    public void pollAt(TrackedParcel p, Instant at) {
        try {
            jobs.schedule(TrackingJobs.TRACK_PARCEL.instance(Long.toString(p.id())).data(TrackingJobs.data(p.tenantId(), p.id()))
                    .scheduledTo(at), ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (RuntimeException e) {
            // the poll is running right now; it plans its own next run when it ends
            log.debug("poll of parcel {} not moved: {}", p.id(), e.getMessage());
        }
    }

    /** The next poll after a push: as the policy says for the parcel's new state, now if it has settled. */
    public void postponePoll(TrackedParcel p) {
        Instant now = clock.instant();
        pollAt(p, policy.next(p, now).map(now::plus).orElse(now));
    }

    private static Optional<String> lastText(List<ParcelRows.StoredLine> lines) {
        return lines.isEmpty() ? Optional.empty() : Optional.ofNullable(lines.get(lines.size() - 1).text());
    }
}
