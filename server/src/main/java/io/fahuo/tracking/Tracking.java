package io.fahuo.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.tracking.domain.ExceptionKind;
import io.fahuo.tracking.domain.TrackedParcel;
import io.fahuo.tracking.domain.TrackingRule;
import io.fahuo.tracking.internal.ParcelRows;

/** What the rest of Fahuo and the merchant may ask of tracking. */
@Service
public class Tracking {

    private final ParcelRows rows;
    private final Clock clock;

    Tracking(ParcelRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The shipment's parcel: its normalised state, every trace line (newest first) and its open exceptions. */
    public ParcelTracking view(long tenantId, long shipmentId) {
        TrackedParcel p = rows.byShipment(tenantId, shipmentId)
                .orElseThrow(() -> new NotFoundException("shipment " + shipmentId + " has no tracked parcel (no tracking number yet)"));
        List<ParcelTracking.Line> lines = new ArrayList<>(rows.lines(tenantId, p.id()).stream()
                .map(l -> new ParcelTracking.Line(l.at(), l.place(), l.text(), l.courierCode(), l.state() == null ? null : l.state().name(),
                        l.via().name()))
                .toList());
        Collections.reverse(lines);
        return new ParcelTracking(p.shipmentId(), p.orderId(), p.carrier().name(), p.trackingNumber(), p.source().name(),
                p.state().name(), p.stateAt(), p.lastEventAt(), p.courierConfirmed(), p.deliveredAt(),
                p.interceptState() == null ? null : p.interceptState().name(), p.interceptDetail(), lines,
                rows.openExceptions(tenantId, p.id()));
    }

    /** True when a courier's trace confirmed the shipment's number (always required for hand-entered numbers). */
    public boolean courierConfirmed(long tenantId, long shipmentId) {
        return rows.byShipment(tenantId, shipmentId).map(TrackedParcel::courierConfirmed).orElse(false);
    }

    /** The tenant's exceptions, newest first; {@code kind} null for all kinds. */
    public List<TrackingException> exceptions(long tenantId, ExceptionKind kind, boolean openOnly, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("page counts from 0; size must be between 1 and 200");
        }
        return rows.exceptions(tenantId, kind, openOnly, size, (long) page * size);
    }

    public List<TrackingRule> rules(long tenantId) {
        Map<ExceptionKind, TrackingRule> rules = rows.rules(tenantId);
        return Arrays.stream(ExceptionKind.values()).map(rules::get).toList();
    }

    /** Tunes one rule for the tenant: on or off, and after how many minutes it fires. */
    @Transactional
    public TrackingRule setRule(long tenantId, ExceptionKind kind, boolean enabled, int thresholdMinutes) {
        if (kind == null) {
            throw new InvalidRequestException("a rule needs a kind, one of " + List.of(ExceptionKind.values()));
        }
        if (thresholdMinutes < 0 || thresholdMinutes > 60 * 24 * 60) {
            throw new InvalidRequestException("thresholdMinutes must be between 0 and 86400 (60 days)");
        }
        TrackingRule rule = new TrackingRule(kind, enabled, Duration.ofMinutes(thresholdMinutes));
        rows.saveRule(tenantId, rule, clock.instant());
        return rule;
    }

    public static ExceptionKind kind(String name) {
        return Arrays.stream(ExceptionKind.values()).filter(k -> k.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("unknown exception kind '" + name + "'; one of "
                        + List.of(ExceptionKind.values())));
    }
}
