package io.fahuo.tracking.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fahuo.couriers.CourierTracesReceived;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.orders.OrderCancelled;
import io.fahuo.orders.OrderCancelledAfterShipping;
import io.fahuo.shipments.WaybillIssued;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.domain.InterceptState;
import io.fahuo.tracking.domain.TrackedParcel;

/**
 * Where tracking starts and what moves it. Listeners run in the publisher's transaction, so a parcel is
 * followed exactly when its waybill is stored, and an interception is due exactly when the cancellation is.
 */
@Component
class TrackingListeners {

    private static final Logger log = LoggerFactory.getLogger(TrackingListeners.class);

    private final ParcelRows rows;
    private final ParcelUpdates updates;
    private final TrackingJobRequests jobs;
    private final Clock clock;

    TrackingListeners(ParcelRows rows, ParcelUpdates updates, TrackingJobRequests jobs, Clock clock) {
        this.rows = rows;
        this.updates = updates;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** A courier issued a waybill: follow the parcel (subscribe and first look right away). */
    @EventListener
    void on(WaybillIssued e) {
        if (e.courierAccountId() == null) {
            log.warn("waybill {} of shipment {} names no courier account; it cannot be traced", e.trackingNumber(), e.shipmentId());
            return;
        }
        Instant now = clock.instant();
        TrackedParcel p = rows.register(e.tenantId(), e.shipmentId(), e.orderId(), e.courierAccountId(), e.carrier(),
                e.trackingNumber(), WaybillSource.COURIER_API, now);
        jobs.trackNow(p);
    }

    /**
     * A courier pushed traces. Signed ones are taken as they are and postpone the next poll; unsigned ones
     * only make Fahuo ask the courier now. Numbers Fahuo does not follow are ignored.
     */
    @EventListener
    void on(CourierTracesReceived e) {
        for (TraceSnapshot trace : e.traces()) {
            for (TrackedParcel p : rows.byNumber(e.accountIds(), trace.carrier(), trace.trackingNumber())) {
                if (e.signed()) {
                    updates.postponePoll(updates.apply(p.tenantId(), p.id(), trace.events(), ParcelRows.Via.PUSH));
                } else {
                    updates.pollAt(p, clock.instant());
                }
            }
        }
    }

    /**
     * The order was cancelled before it shipped: its waybill is given back to the courier (fulfilment's
     * cancel-waybill job), so its parcel will not travel and is no longer followed.
     */
    @EventListener
    void on(OrderCancelled e) {
        Instant now = clock.instant();
        for (TrackedParcel p : rows.byOrder(e.tenantId(), e.orderId())) {
            rows.intercept(p, InterceptState.WITHDRAWN, "order cancelled before shipping; the waybill is given back", now);
        }
    }

    /** The order was cancelled or refunded after it shipped: stop its parcels that are still on their way. */
    @EventListener
    void on(OrderCancelledAfterShipping e) {
        Instant now = clock.instant();
        for (TrackedParcel p : rows.byOrder(e.tenantId(), e.orderId())) {
            if (p.interceptState() == null && rows.intercept(p, InterceptState.REQUESTED, "requested: order cancelled after shipping", now)) {
                jobs.interceptNow(p);
            }
        }
    }
}
