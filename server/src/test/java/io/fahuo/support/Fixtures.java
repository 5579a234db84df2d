package io.fahuo.support;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.inventory.Skus;
import io.fahuo.inventory.Stock;
import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.MovementReason;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.inventory.domain.Warehouse;
import io.fahuo.inventory.domain.WarehouseKind;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.shared.Carrier;
import io.fahuo.simulator.DemoCatalog;
import io.fahuo.simulator.SimProperties;
import io.fahuo.tenancy.ApiTokens;
import io.fahuo.tenancy.Tenants;

/** Sets up a merchant of its own (tenant, warehouse, SKUs with stock, a simulated Douyin shop, a Kdniao account). */
@Component
public class Fixtures {

    public record Merchant(long tenantId, long warehouseId, long shopId, String platformShopId, long courierAccountId, String token) {
    }

    public record Options(boolean senderProfile, int stockPerSku, boolean autoShip, String kdniaoAppKey) {
        public static Options standard() {
            return new Options(true, 1000, true, null);
        }

        public Options withoutSenderProfile() {
            return new Options(false, stockPerSku, autoShip, kdniaoAppKey);
        }

        public Options withStock(int units) {
            return new Options(senderProfile, units, autoShip, kdniaoAppKey);
        }

        public Options withoutAutoShip() {
            return new Options(senderProfile, stockPerSku, false, kdniaoAppKey);
        }

        public Options withKdniaoAppKey(String appKey) {
            return new Options(senderProfile, stockPerSku, autoShip, appKey);
        }
    }

    private final Tenants tenants;
    private final Warehouses warehouses;
    private final Skus skus;
    private final Stock stock;
    private final Shops shops;
    private final CourierAccounts couriers;
    private final ApiTokens tokens;
    private final SimProperties sim;
    private final Environment env;

    Fixtures(Tenants tenants, Warehouses warehouses, Skus skus, Stock stock, Shops shops, CourierAccounts couriers,
             ApiTokens tokens, SimProperties sim, Environment env) {
        this.tenants = tenants;
        this.warehouses = warehouses;
        this.skus = skus;
        this.stock = stock;
        this.shops = shops;
        this.couriers = couriers;
        this.tokens = tokens;
        this.sim = sim;
        this.env = env;
    }

    public Merchant merchant(String name, Options options) {
        String base = "http://127.0.0.1:" + env.getProperty("local.server.port");
        long t = tenants.create(name);
        SenderProfile sender = options.senderProfile()
                ? new SenderProfile("测试商家", "13800000000", "测试有限公司", "浙江省", "杭州市", "滨江区", "江南大道100号", null)
                : new SenderProfile(null, null, null, null, null, null, null, null);
        Warehouse w = warehouses.create(t, "WH-1", name + " 仓", WarehouseKind.OWN, sender);
        for (DemoCatalog.Product p : DemoCatalog.PRODUCTS) {
            skus.create(t, p.code(), p.name(), p.weightGrams());
            stock.setOnHand(t, w.id(), p.code(), options.stockPerSku(), MovementReason.IMPORT, "test stock");
        }
        String platformShopId = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        new SimControl(Integer.parseInt(env.getProperty("local.server.port"))).authorizeShop(platformShopId);
        long shopId = shops.connect(t, new Shops.NewShop(Platform.DOUDIAN, name + " 抖店", platformShopId, base + "/sim/doudian",
                sim.doudian().appKey(), sim.doudian().appSecret(), w.id(), options.autoShip())).id();
        long account = couriers.create(t, CourierProvider.KDNIAO, Carrier.ZTO, "中通", base + "/sim/kdniao",
                Map.of("EBusinessID", sim.kdniao().eBusinessId(),
                        "AppKey", options.kdniaoAppKey() == null ? sim.kdniao().appKey() : options.kdniaoAppKey(),
                        "CustomerName", "test", "CustomerPwd", "test"), 3, true).id();
        String token = tokens.issue(t, "test", ApiTokens.ADMIN);
        return new Merchant(t, w.id(), shopId, platformShopId, account, token);
    }
}
