package io.fahuo.api;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.WaybillBalances;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "couriers")
class CouriersApi {

    record AccountView(long id, String provider, String carrier, String name, int payType, String monthlyAccount, boolean isDefault,
                       Integer balanceAlertBelow, Set<CourierCapability> capabilities) {
    }

    record BalanceAlertChange(Integer below) {
    }

    private final CourierAccounts accounts;
    private final Couriers couriers;
    private final WaybillBalances balances;

    CouriersApi(CourierAccounts accounts, Couriers couriers, WaybillBalances balances) {
        this.accounts = accounts;
        this.couriers = couriers;
        this.balances = balances;
    }

    @GetMapping("/api/v1/couriers/accounts")
    @Operation(summary = "The tenant's courier accounts (no secrets) and what each courier can do")
    List<AccountView> accounts() {
        return accounts.list(CurrentTenant.id()).stream().map(this::view).toList();
    }

    @PutMapping("/api/v1/couriers/accounts/{id}/balance-alert")
    @Operation(summary = "Alert when the account has fewer waybill numbers left than this (null: no alert)")
    AccountView balanceAlert(@PathVariable long id, @RequestBody(required = false) BalanceAlertChange body) {
        if (body == null) {
            throw new InvalidRequestException("a body {below} is required (null switches the alert off)");
        }
        return view(accounts.setBalanceAlert(CurrentTenant.id(), id, body.below()));
    }

    @GetMapping("/api/v1/couriers/balances")
    @Operation(summary = "The last known waybill balance (面单余额) of each account whose courier reports one")
    List<WaybillBalances.Balance> balances() {
        return balances.list(CurrentTenant.id());
    }

    @PostMapping("/api/v1/couriers/accounts/{id}/balance/check")
    @Operation(summary = "Ask the courier for the account's waybill balance now")
    WaybillBalances.Balance checkBalance(@PathVariable long id) {
        return balances.check(CurrentTenant.id(), id);
    }

    @GetMapping("/api/v1/couriers/balance-alerts")
    @Operation(summary = "Low-balance alerts, newest first")
    List<WaybillBalances.Alert> balanceAlerts(@RequestParam(defaultValue = "true") boolean open) {
        return balances.alerts(CurrentTenant.id(), open);
    }

    private AccountView view(CourierAccount a) {
        return new AccountView(a.id(), a.provider().name(), a.carrier().name(), a.name(), a.payType(), a.monthlyAccount(), a.isDefault(),
                a.balanceAlertBelow(), couriers.capabilities(a));
    }
}
