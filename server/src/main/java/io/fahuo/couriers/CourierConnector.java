package io.fahuo.couriers;

import java.util.Map;

import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.WaybillRequest;

/**
 * What Fahuo needs from a courier. One implementation per provider in its own sub-package (client = HTTP
 * only, mapper = pure conversion, settings, codes). {@code credentials} are the account's decrypted
 * secrets, keyed as the provider names them.
 */
public interface CourierConnector {

    CourierProvider provider();

    IssuedWaybill issueWaybill(CourierAccount account, Map<String, String> credentials, WaybillRequest request);

    void cancelWaybill(CourierAccount account, Map<String, String> credentials, String idempotencyKey, IssuedWaybill waybill);
}
