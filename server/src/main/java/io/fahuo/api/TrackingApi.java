package io.fahuo.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.fahuo.tracking.HandEnteredNumbers;
import io.fahuo.tracking.ParcelTracking;
import io.fahuo.tracking.Tracking;
import io.fahuo.tracking.TrackingException;
import io.fahuo.tracking.domain.ExceptionKind;
import io.fahuo.tracking.domain.TrackingRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "tracking")
class TrackingApi {

    record HandEnteredNumber(String carrier, String trackingNumber) {
    }

    record RuleView(String kind, boolean enabled, long thresholdMinutes) {
    }

    record RuleChange(Boolean enabled, Integer thresholdMinutes) {
    }

    private final Tracking tracking;
    private final HandEnteredNumbers handEntered;

    TrackingApi(Tracking tracking, HandEnteredNumbers handEntered) {
        this.tracking = tracking;
        this.handEntered = handEntered;
    }

    @GetMapping("/api/v1/shipments/{id}/tracking")
    @Operation(summary = "The parcel's normalised state and every line of the courier's trace, newest first")
    ParcelTracking tracking(@PathVariable long id) {
        return tracking.view(CurrentTenant.id(), id);
    }

    @PostMapping("/api/v1/shipments/{id}/hand-entered-number")
    @Operation(summary = "Put a hand-entered (scanned, factory's, supplier's) tracking number on an open parcel; it is "
            + "refused unless it has the carrier's shape and check digit, and written back only once a courier trace confirms it")
    ParcelTracking handEntered(@PathVariable long id, @RequestBody(required = false) HandEnteredNumber body) {
        if (body == null) {
            throw new InvalidRequestException("a body {carrier, trackingNumber} is required");
        }
        handEntered.register(CurrentTenant.id(), id, body.carrier(), body.trackingNumber(), CurrentTenant.principal().subject());
        return tracking.view(CurrentTenant.id(), id);
    }

    @GetMapping("/api/v1/tracking/exceptions")
    @Operation(summary = "Parcels a merchant must look at (揽收超时, 停滞, problems, returns, unconfirmed numbers, failed "
            + "interceptions), newest first")
    List<TrackingException> exceptions(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "true") boolean open,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        ExceptionKind k = kind == null || kind.isBlank() ? null : Tracking.kind(kind);
        return tracking.exceptions(CurrentTenant.id(), k, open, page, size);
    }

    @GetMapping("/api/v1/tracking/rules")
    @Operation(summary = "The tenant's exception rules (defaults until changed)")
    List<RuleView> rules() {
        return tracking.rules(CurrentTenant.id()).stream().map(TrackingApi::view).toList();
    }

    @PutMapping("/api/v1/tracking/rules/{kind}")
    @Operation(summary = "Tune one exception rule: switch it on or off, set after how many minutes it fires")
    RuleView setRule(@PathVariable String kind, @RequestBody(required = false) RuleChange body) {
        if (body == null || body.enabled() == null || body.thresholdMinutes() == null) {
            throw new InvalidRequestException("a body {enabled, thresholdMinutes} is required");
        }
        return view(tracking.setRule(CurrentTenant.id(), Tracking.kind(kind), body.enabled(), body.thresholdMinutes()));
    }

    private static RuleView view(TrackingRule r) {
        return new RuleView(r.kind().name(), r.enabled(), r.threshold().toMinutes());
    }
}
