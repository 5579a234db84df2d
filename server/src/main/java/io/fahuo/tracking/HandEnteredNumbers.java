package io.fahuo.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.domain.TrackedParcel;
import io.fahuo.tracking.internal.ParcelRows;
import io.fahuo.tracking.internal.TrackingJobRequests;

/**
 * Numbers a person enters for a parcel that Fahuo did not get from a courier (scan-to-ship, a factory's or
 * supplier's own waybill). A number is taken only if it has its carrier's shape and check digit; it is then
 * traced, and reaches a platform only once a courier's trace confirms it. There is no other way in.
 */
@Service
public class HandEnteredNumbers {

    private final Shipments shipments;
    private final Couriers couriers;
    private final ParcelRows rows;
    private final TrackingJobRequests jobs;
    private final OrderProgress progress;
    private final Clock clock;

    HandEnteredNumbers(Shipments shipments, Couriers couriers, ParcelRows rows, TrackingJobRequests jobs, OrderProgress progress, Clock clock) {
        this.shipments = shipments;
        this.couriers = couriers;
        this.rows = rows;
        this.jobs = jobs;
        this.progress = progress;
        this.clock = clock;
    }

    @Transactional
    public ParcelRef register(long tenantId, long shipmentId, String carrierName, String number, String enteredBy) {
        if (carrierName == null || carrierName.isBlank()) {
            throw new InvalidRequestException("carrier is required, one of " + List.of(Carrier.values()));
        }
        Carrier carrier = Carrier.parse(carrierName.strip())
                .orElseThrow(() -> new InvalidRequestException("unknown carrier '" + carrierName + "'; one of " + List.of(Carrier.values())));
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!carrier.looksLikeTrackingNumber(n)) {
            throw new InvalidRequestException("'" + n + "' is not a " + carrier + " tracking number (wrong shape or check digit)");
        }
        Shipment shipment = shipments.get(tenantId, shipmentId);
        CourierAccount account = couriers.trackingAccountFor(tenantId, carrier)
                .orElseThrow(() -> new ConflictException("no courier account of yours can trace " + carrier
                        + " numbers, so this number could never be confirmed; add one first"));
        if (rows.numberTaken(tenantId, carrier, n)) {
            throw new ConflictException(carrier + " " + n + " is already on one of your parcels");
        }
        if (!shipments.recordHandEnteredNumber(tenantId, shipmentId, carrier, n)) {
            throw new ConflictException("shipment " + shipmentId + " is " + shipment.status()
                    + (shipment.hasWaybill() ? " with number " + shipment.trackingNumber() : "") + "; only an open parcel without a number takes one");
        }
        Instant now = clock.instant();
        TrackedParcel p = rows.register(tenantId, shipmentId, shipment.orderId(), account.id(), carrier, n, WaybillSource.HAND_ENTERED, now);
        jobs.trackNow(p);
        progress.record(tenantId, shipment.orderId(), "WAYBILL", Outcome.INFO, carrier + " " + n + " entered by hand"
                + (enteredBy == null ? "" : " (" + enteredBy + ")") + "; it is written back once a courier trace confirms it", 0);
        return new ParcelRef(shipmentId, shipment.orderId(), carrier.name(), n);
    }

    /** The parcel a hand-entered number now belongs to. */
    public record ParcelRef(long shipmentId, long orderId, String carrier, String trackingNumber) {
    }
}
