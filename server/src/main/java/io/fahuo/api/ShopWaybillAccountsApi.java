package io.fahuo.api;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.platforms.ShopWaybillAccounts;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "couriers")
class ShopWaybillAccountsApi {

    record NewWaybillAccount(String carrier, String name, String netsiteCode, Boolean isDefault) {
    }

    record WaybillAccountView(long id, String provider, String carrier, String name, long shopId, boolean isDefault,
                              Set<CourierCapability> capabilities) {
    }

    private final ShopWaybillAccounts accounts;
    private final Couriers couriers;

    ShopWaybillAccountsApi(ShopWaybillAccounts accounts, Couriers couriers) {
        this.accounts = accounts;
        this.couriers = couriers;
    }

    @PostMapping("/api/v1/shops/{shopId}/waybill-accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A courier account whose waybills the shop's platform issues (Douyin e-waybill, 抖音电子面单); "
            + "carrier rules then pick it like any other account")
    WaybillAccountView create(@PathVariable long shopId, @RequestBody(required = false) NewWaybillAccount body) {
        if (body == null || body.carrier() == null) {
            throw new InvalidRequestException("a body {carrier, name?, netsiteCode?, isDefault?} is required");
        }
        Carrier carrier = Carrier.parse(body.carrier())
                .orElseThrow(() -> new InvalidRequestException("unknown carrier '" + body.carrier() + "'"));
        CourierAccount a = accounts.create(CurrentTenant.id(), shopId, carrier, body.name(), body.netsiteCode(),
                Boolean.TRUE.equals(body.isDefault()));
        return new WaybillAccountView(a.id(), a.provider().name(), a.carrier().name(), a.name(), shopId, a.isDefault(),
                couriers.capabilities(a));
    }
}
