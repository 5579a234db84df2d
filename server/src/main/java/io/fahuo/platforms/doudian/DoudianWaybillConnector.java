package io.fahuo.platforms.doudian;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fahuo.couriers.CourierConnector;
import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.PlatformReceiver;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.platforms.PlatformException;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShopCredentials;
import io.fahuo.shared.Carrier;
import tools.jackson.databind.JsonNode;

/**
 * Douyin e-waybills (抖音电子面单) as a courier source: an account of provider {@code DOUYIN} is bound to one of
 * the tenant's Douyin shops (credential {@code shopId}, the Fahuo shop id, also the account ref) and gets
 * waybills of its carrier through that shop's tokens. The receiver goes to the platform as the order's own
 * ciphertext, which the platform opens for the carrier; Fahuo never decrypts it for these waybills.
 * Credential {@code netsiteCode} picks the netsite (网点) of a franchise carrier.
 */
public class DoudianWaybillConnector implements CourierConnector {

    public static final String SHOP_ID = "shopId";
    public static final String NETSITE_CODE = "netsiteCode";

    private final DoudianConnector doudian;
    private final Shops shops;

    public DoudianWaybillConnector(DoudianConnector doudian, Shops shops) {
        this.doudian = doudian;
        this.shops = shops;
    }

    @Override
    public CourierProvider provider() {
        return CourierProvider.DOUYIN;
    }

    @Override
    public Set<CourierCapability> capabilities() {
        return EnumSet.of(CourierCapability.ISSUE_WAYBILL, CourierCapability.CANCEL_WAYBILL, CourierCapability.WAYBILL_BALANCE,
                CourierCapability.PLATFORM_RECEIVER);
    }

    @Override
    public Set<Carrier> carriers() {
        return Arrays.stream(Carrier.values()).filter(c -> DoudianCodes.companyCode(c) != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Carrier.class)));
    }

    @Override
    public String accountRef(Map<String, String> credentials) {
        return credentials.get(SHOP_ID);
    }

    @Override
    public IssuedWaybill issueWaybill(CourierAccount account, Map<String, String> credentials, WaybillRequest request) {
        PlatformReceiver receiver = request.platformReceiver();
        if (receiver == null) {
            throw new CourierException("receiver", "a Douyin e-waybill takes the receiver only as the order's Douyin ciphertext", false);
        }
        BoundShop bound = bound(account);
        if (!bound.shop().platformShopId().equals(receiver.platformShopId())) {
            throw new CourierException("shop", "account " + account.name() + " issues Douyin waybills for shop "
                    + bound.shop().name() + " only; order " + receiver.platformOrderId() + " belongs to another shop", false);
        }
        String company = companyCode(request.carrier());
        DoudianLogisticsMapper.WaybillOrder order = new DoudianLogisticsMapper.WaybillOrder(receiver.platformOrderId(),
                request.idempotencyKey(), receiver.protectedForm(), request.items());
        JsonNode data = call(bound.credentials(), "logistics.newCreateOrder",
                DoudianLogisticsMapper.newCreateOrderParams(company, request.sender(), credentials.get(NETSITE_CODE), List.of(order)));
        DoudianLogisticsMapper.WaybillAnswer answer = DoudianLogisticsMapper.waybills(data, request.carrier());
        IssuedWaybill waybill = answer.issued().get(request.idempotencyKey());
        if (waybill != null && waybill.trackingNumber() != null) {
            return waybill;
        }
        DoudianLogisticsMapper.WaybillError error = answer.refused().get(request.idempotencyKey());
        if (error != null) {
            throw new CourierException("douyin-" + error.code(), "Douyin refused the waybill of order " + receiver.platformOrderId()
                    + ": " + error.code() + " " + error.message(), false);
        }
        throw new CourierException("bad-response", "Douyin logistics.newCreateOrder answered neither a waybill nor an error for pack "
                + request.idempotencyKey(), true);
    }

    @Override
    public void cancelWaybill(CourierAccount account, Map<String, String> credentials, String idempotencyKey, IssuedWaybill waybill) {
        call(bound(account).credentials(), "logistics.cancelOrder",
                DoudianLogisticsMapper.cancelOrderParams(companyCode(waybill.carrier()), waybill.trackingNumber()));
    }

    @Override
    public WaybillBalance balance(CourierAccount account, Map<String, String> credentials) {
        JsonNode data = call(bound(account).credentials(), "logistics.listShopNetsite",
                Map.of("logistics_code", companyCode(account.carrier())));
        try {
            return DoudianLogisticsMapper.balance(data, credentials.get(NETSITE_CODE));
        } catch (IllegalArgumentException e) {
            throw new CourierException("netsite", "Douyin " + account.carrier() + " e-waybills of account " + account.name() + ": "
                    + e.getMessage(), false);
        }
    }

    /** The carriers (company code → name) Douyin knows, from order.logisticsCompanyList. */
    public Map<String, String> companies(CourierAccount account) {
        return DoudianLogisticsMapper.companies(call(bound(account).credentials(), "order.logisticsCompanyList", new LinkedHashMap<>()));
    }

    /** The print data of Douyin-issued waybills of an account (logistics.waybillApply), by tracking number. */
    public Map<String, DoudianLogisticsMapper.PrintData> printData(CourierAccount account, Carrier carrier, List<String> trackingNumbers) {
        JsonNode data = call(bound(account).credentials(), "logistics.waybillApply",
                DoudianLogisticsMapper.waybillApplyParams(companyCode(carrier), trackingNumbers));
        Map<String, DoudianLogisticsMapper.PrintData> found = DoudianLogisticsMapper.printData(data);
        Map<String, String> refused = DoudianLogisticsMapper.printRefusals(data);
        if (!refused.isEmpty() && found.isEmpty()) {
            throw new CourierException("print-data", "Douyin gave no print data: " + refused, false);
        }
        return found;
    }

    record BoundShop(Shop shop, ShopCredentials credentials) {
    }

    BoundShop bound(CourierAccount account) {
        long shopId;
        try {
            shopId = Long.parseLong(account.accountRef());
        } catch (RuntimeException e) {
            throw new CourierException("shop", "account " + account.name() + " is bound to no shop", false);
        }
        Shop shop = shops.find(account.tenantId(), shopId)
                .orElseThrow(() -> new CourierException("shop", "account " + account.name() + " is bound to shop " + shopId
                        + ", which no longer exists", false));
        if (shop.platform() != Platform.DOUDIAN) {
            throw new CourierException("shop", "account " + account.name() + " is bound to a " + shop.platform() + " shop, not a Douyin shop", false);
        }
        return new BoundShop(shop, shops.credentials(account.tenantId(), shopId));
    }

    private static String companyCode(Carrier carrier) {
        String code = DoudianCodes.companyCode(carrier);
        if (code == null) {
            throw new CourierException("carrier", "Douyin issues no e-waybills for " + carrier, false);
        }
        return code;
    }

    /** A Douyin call whose failures read as courier failures (the pipeline and jobs treat both alike). */
    private JsonNode call(ShopCredentials shop, String method, Map<String, ?> params) {
        try {
            return doudian.call(shop, method, params);
        } catch (PlatformException e) {
            throw new CourierException(e.code(), e.getMessage(), e.retryable(), e);
        }
    }
}
