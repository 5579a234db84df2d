package io.fahuo.platforms;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.doudian.DoudianWaybillConnector;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.InvalidRequestException;

/**
 * Courier accounts whose waybills a sales platform issues to one of the tenant's shops (Douyin: 抖音电子面单).
 * Such an account is an ordinary courier account of provider {@code DOUYIN}: the carrier rules pick it like any
 * other, so a shop takes a carrier's waybills from Douyin exactly where a rule (or the default) selects it.
 */
@Service
public class ShopWaybillAccounts {

    private final Shops shops;
    private final CourierAccounts accounts;

    ShopWaybillAccounts(Shops shops, CourierAccounts accounts) {
        this.shops = shops;
        this.accounts = accounts;
    }

    /** {@code netsiteCode}: the netsite (网点) of a franchise carrier, as logistics.listShopNetsite names it (optional). */
    @Transactional
    public CourierAccount create(long tenantId, long shopId, Carrier carrier, String name, String netsiteCode, boolean isDefault) {
        Shop shop = shops.get(tenantId, shopId);
        if (shop.platform() != Platform.DOUDIAN) {
            throw new InvalidRequestException("only Douyin shops get e-waybills from their platform; shop " + shop.name() + " is "
                    + shop.platform());
        }
        if (carrier == null) {
            throw new InvalidRequestException("carrier is required");
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put(DoudianWaybillConnector.SHOP_ID, Long.toString(shopId));
        if (netsiteCode != null && !netsiteCode.isBlank()) {
            credentials.put(DoudianWaybillConnector.NETSITE_CODE, netsiteCode.strip());
        }
        String label = name == null || name.isBlank() ? shop.name() + " 抖音电子面单 " + carrier.displayName() : name;
        return accounts.create(tenantId, new CourierAccounts.NewAccount(CourierProvider.DOUYIN, carrier, label, shop.apiBaseUrl(),
                credentials, 3, null, isDefault));
    }
}
