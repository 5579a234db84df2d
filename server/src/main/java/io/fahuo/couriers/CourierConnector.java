package io.fahuo.couriers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.InterceptOutcome;
import io.fahuo.couriers.domain.InterceptRequest;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.PushAnswer;
import io.fahuo.couriers.domain.PushRequest;
import io.fahuo.couriers.domain.ReceivedPush;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;

/**
 * What Fahuo needs from a courier. One implementation per provider in its own sub-package (client = HTTP
 * only, mapper = pure conversion, settings, codes) plus a value in {@code CourierProvider}: that is all it
 * takes to add a courier. {@code credentials} are the account's decrypted secrets, keyed as the provider
 * names them.
 *
 * <p>Only issuing and cancelling are required. Everything else is optional and declared in
 * {@link #capabilities()}; {@link Couriers} never calls an operation a connector does not declare, so the
 * defaults below only guard against a connector that declares what it does not implement.
 */
public interface CourierConnector {

    CourierProvider provider();

    Set<CourierCapability> capabilities();

    /** The carriers this provider issues waybills for and can trace. */
    Set<Carrier> carriers();

    /** The courier's public id of the account the credentials belong to, as its pushes name it. */
    String accountRef(Map<String, String> credentials);

    IssuedWaybill issueWaybill(CourierAccount account, Map<String, String> credentials, WaybillRequest request);

    void cancelWaybill(CourierAccount account, Map<String, String> credentials, String idempotencyKey, IssuedWaybill waybill);

    default TraceSnapshot trace(CourierAccount account, Map<String, String> credentials, TraceQuery query) {
        throw undeclared(CourierCapability.TRACK_QUERY);
    }

    default void subscribe(CourierAccount account, Map<String, String> credentials, TraceQuery query) {
        throw undeclared(CourierCapability.TRACK_SUBSCRIBE);
    }

    default InterceptOutcome intercept(CourierAccount account, Map<String, String> credentials, InterceptRequest request) {
        throw undeclared(CourierCapability.INTERCEPT);
    }

    default WaybillBalance balance(CourierAccount account, Map<String, String> credentials) {
        throw undeclared(CourierCapability.WAYBILL_BALANCE);
    }

    /**
     * Reads and verifies a push. {@code credentialsByRef} gives the credentials of every Fahuo account with
     * the given courier-side id, to check a signature with. Throws {@link CourierException} when the push is
     * unreadable or its signature matches none of them.
     */
    default ReceivedPush readPush(PushRequest request, Function<String, List<Map<String, String>>> credentialsByRef) {
        throw undeclared(CourierCapability.TRACK_PUSH);
    }

    /** The courier's expected answer to a push: taken ({@code accepted}) or to be sent again, with a reason. */
    default PushAnswer answerPush(String accountRef, boolean accepted, String reason) {
        throw undeclared(CourierCapability.TRACK_PUSH);
    }

    private CourierException undeclared(CourierCapability capability) {
        return new CourierException("unsupported", provider() + " does not offer " + capability, false);
    }
}
