package io.fahuo.couriers.domain;

import io.fahuo.shared.Carrier;

/**
 * A tenant's account with a courier, without its secrets. {@code accountRef} is the courier's public id
 * for the account (Kdniao EBusinessID, SF partnerID): pushes name it. {@code payType}: 1 sender pays cash,
 * 2 receiver pays, 3 monthly account, 4 third party. {@code monthlyAccount}: the monthly settlement account
 * (月结账号/月结卡号). {@code balanceAlertBelow}: alert when fewer waybill numbers are left (null: never).
 */
public record CourierAccount(long id, long tenantId, CourierProvider provider, Carrier carrier, String name,
                             String apiBaseUrl, int payType, boolean isDefault, String accountRef,
                             String monthlyAccount, Integer balanceAlertBelow) {
}
