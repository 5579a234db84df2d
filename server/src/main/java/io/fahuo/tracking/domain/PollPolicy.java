package io.fahuo.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.shipments.domain.WaybillSource;

/**
 * How often Fahuo asks a courier about a parcel when pushes do not come: often while something is about to
 * happen (pickup, delivery, an unconfirmed hand-entered number), rarely in transit or on the way back,
 * never once it is delivered, returned or withdrawn, and no longer after {@code giveUpAfter}. A failed
 * query is retried sooner, doubling from {@code retryFirst} up to the normal interval.
 */
public record PollPolicy(Duration awaitingPickup, Duration inTransit, Duration outForDelivery, Duration exception,
                         Duration returning, Duration unconfirmed, Duration retryFirst, Duration giveUpAfter) {

    public Optional<Duration> next(TrackedParcel p, Instant now) {
        if (p.settled() || !p.registeredAt().plus(giveUpAfter).isAfter(now)) {
            return Optional.empty();
        }
        Duration interval = !p.courierConfirmed() && p.source() == WaybillSource.HAND_ENTERED
                ? unconfirmed : byState(p.state());
        if (p.pollFailures() > 0) {
            Duration retry = retryFirst.multipliedBy(1L << Math.min(p.pollFailures() - 1, 16));
            return Optional.of(retry.compareTo(interval) < 0 ? retry : interval);
        }
        return Optional.of(interval);
    }

    private Duration byState(ParcelState state) {
        return switch (state) {
            case AWAITING_PICKUP -> awaitingPickup;
            case COLLECTED, IN_TRANSIT -> inTransit;
            case OUT_FOR_DELIVERY -> outForDelivery;
            case EXCEPTION -> exception;
            case INTERCEPTED, RETURNING -> returning;
            case DELIVERED, RETURNED -> throw new IllegalStateException("a settled parcel is not polled");
        };
    }
}
