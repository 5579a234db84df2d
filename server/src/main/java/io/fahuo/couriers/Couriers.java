package io.fahuo.couriers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.WaybillRequest;

/** Issues and cancels waybills through a tenant's courier account, whichever provider it is. */
@Service
public class Couriers {

    private final Map<CourierProvider, CourierConnector> connectors = new EnumMap<>(CourierProvider.class);
    private final CourierAccounts accounts;

    Couriers(List<CourierConnector> connectors, CourierAccounts accounts) {
        connectors.forEach(c -> this.connectors.put(c.provider(), c));
        this.accounts = accounts;
    }

    public IssuedWaybill issue(long tenantId, long accountId, WaybillRequest request) {
        CourierAccount account = accounts.get(tenantId, accountId);
        if (account.carrier() != request.carrier()) {
            throw new CourierException("carrier", "account " + account.name() + " ships " + account.carrier()
                    + ", not " + request.carrier(), false);
        }
        IssuedWaybill waybill = connector(account.provider()).issueWaybill(account, accounts.credentials(tenantId, accountId), request);
        if (!waybill.carrier().looksLikeTrackingNumber(waybill.trackingNumber())) {
            // a number that cannot be the carrier's must never reach a label or a platform
            throw new CourierException("bad-number", account.provider() + " returned '" + waybill.trackingNumber()
                    + "', which is not a " + waybill.carrier() + " tracking number", false);
        }
        return waybill;
    }

    public void cancel(long tenantId, long accountId, String idempotencyKey, IssuedWaybill waybill) {
        CourierAccount account = accounts.get(tenantId, accountId);
        connector(account.provider()).cancelWaybill(account, accounts.credentials(tenantId, accountId), idempotencyKey, waybill);
    }

    private CourierConnector connector(CourierProvider provider) {
        CourierConnector c = connectors.get(provider);
        if (c == null) {
            throw new CourierException("provider", "no connector for " + provider, false);
        }
        return c;
    }
}
