package io.fahuo.couriers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

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
 * Everything Fahuo asks of couriers, through a tenant's account, whichever provider it is. An operation the
 * account's provider does not declare is refused with a clear, non-retryable {@link CourierException}.
 */
@Service
public class Couriers {

    private static final Logger log = LoggerFactory.getLogger(Couriers.class);

    private final ConnectorRegistry connectors;
    private final CourierAccounts accounts;
    private final ApplicationEventPublisher events;

    Couriers(ConnectorRegistry connectors, CourierAccounts accounts, ApplicationEventPublisher events) {
        this.connectors = connectors;
        this.accounts = accounts;
        this.events = events;
    }

    public IssuedWaybill issue(long tenantId, long accountId, WaybillRequest request) {
        CourierAccount account = accounts.get(tenantId, accountId);
        if (account.carrier() != request.carrier()) {
            throw new CourierException("carrier", "account " + account.name() + " ships " + account.carrier()
                    + ", not " + request.carrier(), false);
        }
        if (request.packages() > 1) {
            require(account, CourierCapability.MULTI_PACKAGE);
        }
        if (request.receiver() == null) {
            require(account, CourierCapability.PLATFORM_RECEIVER);
        }
        IssuedWaybill waybill = connector(account).issueWaybill(account, accounts.credentials(tenantId, accountId), request);
        for (String number : numbers(waybill)) {
            if (!waybill.carrier().looksLikeTrackingNumber(number)) {
                // a number that cannot be the carrier's must never reach a label or a platform
                throw new CourierException("bad-number", account.provider() + " returned '" + number
                        + "', which is not a " + waybill.carrier() + " tracking number", false);
            }
        }
        return waybill;
    }

    public void cancel(long tenantId, long accountId, String idempotencyKey, IssuedWaybill waybill) {
        CourierAccount account = accounts.get(tenantId, accountId);
        connector(account).cancelWaybill(account, accounts.credentials(tenantId, accountId), idempotencyKey, waybill);
    }

    public TraceSnapshot trace(long tenantId, long accountId, TraceQuery query) {
        CourierAccount account = require(accounts.get(tenantId, accountId), CourierCapability.TRACK_QUERY);
        return connector(account).trace(account, accounts.credentials(tenantId, accountId), query);
    }

    public void subscribe(long tenantId, long accountId, TraceQuery query) {
        CourierAccount account = require(accounts.get(tenantId, accountId), CourierCapability.TRACK_SUBSCRIBE);
        connector(account).subscribe(account, accounts.credentials(tenantId, accountId), query);
    }

    public InterceptOutcome intercept(long tenantId, long accountId, InterceptRequest request) {
        CourierAccount account = require(accounts.get(tenantId, accountId), CourierCapability.INTERCEPT);
        return connector(account).intercept(account, accounts.credentials(tenantId, accountId), request);
    }

    public WaybillBalance balance(long tenantId, long accountId) {
        CourierAccount account = require(accounts.get(tenantId, accountId), CourierCapability.WAYBILL_BALANCE);
        return connector(account).balance(account, accounts.credentials(tenantId, accountId));
    }

    /** The carriers a provider issues waybills for (empty when this build has no such connector). */
    public Set<Carrier> carriers(CourierProvider provider) {
        try {
            return connectors.get(provider).carriers();
        } catch (CourierException e) {
            return Set.of();
        }
    }

    public Set<CourierCapability> capabilities(CourierAccount account) {
        return connector(account).capabilities();
    }

    public boolean supports(CourierAccount account, CourierCapability capability) {
        return capabilities(account).contains(capability);
    }

    /**
     * An account of the tenant able to trace the carrier's numbers: one of the carrier itself first, then an
     * aggregator that covers it.
     */
    public Optional<CourierAccount> trackingAccountFor(long tenantId, Carrier carrier) {
        return accounts.list(tenantId).stream()
                .filter(a -> supports(a, CourierCapability.TRACK_QUERY) && connector(a).carriers().contains(carrier))
                .min((a, b) -> Boolean.compare(a.carrier() != carrier, b.carrier() != carrier));
    }

    /**
     * Takes a courier's push: verifies it, hands its traces to whoever listens for
     * {@link CourierTracesReceived} (within this call) and answers the courier. A push whose signature fails
     * is refused; a push the listeners could not store is answered as failed, so the courier sends it again.
     */
    public PushAnswer receivePush(CourierProvider provider, PushRequest request) {
        CourierConnector connector = connectors.get(provider);
        if (!connector.capabilities().contains(CourierCapability.TRACK_PUSH)) {
            throw new CourierException("unsupported", provider + " does not push traces", false);
        }
        List<CourierAccount> candidates = accounts.allOf(provider);
        ReceivedPush push;
        try {
            push = connector.readPush(request, ref -> candidates.stream().filter(a -> ref.equals(a.accountRef()))
                    .map(a -> accounts.credentials(a.tenantId(), a.id())).toList());
        } catch (CourierException e) {
            log.warn("{} push refused: {}", provider, e.getMessage());
            return connector.answerPush(null, false, e.getMessage());
        }
        List<Long> accountIds = candidates.stream()
                .filter(a -> push.accountRef() == null || push.accountRef().equals(a.accountRef()))
                .map(CourierAccount::id).toList();
        try {
            events.publishEvent(new CourierTracesReceived(provider, accountIds, push.signed(), push.traces()));
        } catch (RuntimeException e) {
            log.warn("{} push of {} traces could not be stored", provider, push.traces().size(), e);
            return connector.answerPush(push.accountRef(), false, "temporarily unavailable, please push again");
        }
        return connector.answerPush(push.accountRef(), true, null);
    }

    private CourierAccount require(CourierAccount account, CourierCapability capability) {
        if (!supports(account, capability)) {
            throw new CourierException("unsupported", account.provider() + " (account " + account.name() + ") does not offer "
                    + capability, false);
        }
        return account;
    }

    private CourierConnector connector(CourierAccount account) {
        return connectors.get(account.provider());
    }

    private static List<String> numbers(IssuedWaybill waybill) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(waybill.trackingNumber()),
                waybill.subTrackingNumbers().stream()).toList();
    }
}
