package io.fahuo.couriers.domain;

import io.fahuo.shared.Carrier;

/** A tenant's account with a courier, without its secrets. */
public record CourierAccount(long id, long tenantId, CourierProvider provider, Carrier carrier, String name,
                             String apiBaseUrl, int payType, boolean isDefault) {
}
