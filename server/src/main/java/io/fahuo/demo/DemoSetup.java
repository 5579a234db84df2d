package io.fahuo.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
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
import io.fahuo.platforms.ShopWaybillAccounts;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.StockPush;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.shared.Carrier;
import io.fahuo.simulator.DemoCatalog;
import io.fahuo.simulator.SimProperties;
import io.fahuo.tenancy.ApiTokens;
import io.fahuo.tenancy.Tenants;
import io.fahuo.tenancy.Users;

/** Seeds the demo once (idempotent) and keeps its simulator URLs pointing at this server's port. */
@Component
@Order(10)
@ConditionalOnProperty(name = "fahuo.demo", havingValue = "true")
class DemoSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);
    static final String WAREHOUSE_CODE = "HZ-01";

    private final Warehouses warehouses;
    private final Skus skus;
    private final Stock stock;
    private final Shops shops;
    private final CourierAccounts couriers;
    private final ApiTokens tokens;
    private final Users users;
    private final SimProperties sim;
    private final Environment env;
    private final Path dataDir;
    private final ShopWaybillAccounts shopWaybills;
    private final StockPush stockPush;

    DemoSetup(Warehouses warehouses, Skus skus, Stock stock, Shops shops, CourierAccounts couriers, ApiTokens tokens,
              Users users, SimProperties sim, Environment env, @Value("${fahuo.data-dir}") String dataDir,
              ShopWaybillAccounts shopWaybills, StockPush stockPush) {
        this.shopWaybills = shopWaybills;
        this.stockPush = stockPush;
        this.warehouses = warehouses;
        this.skus = skus;
        this.stock = stock;
        this.shops = shops;
        this.couriers = couriers;
        this.tokens = tokens;
        this.users = users;
        this.sim = sim;
        this.env = env;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public void run(ApplicationArguments args) {
        long t = Tenants.DEFAULT_TENANT_ID;
        String simBase = env.getProperty("fahuo.demo.simulator-url",
                "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
        Warehouse warehouse = warehouses.findByCode(t, WAREHOUSE_CODE).orElseGet(() -> seedWarehouse(t));
        if (shops.list(t).stream().noneMatch(s -> s.platform() == Platform.DOUDIAN)) {
            shops.connect(t, new Shops.NewShop(Platform.DOUDIAN, "发货演示旗舰店 (抖店模拟)", sim.doudian().shopId(),
                    simBase + "/sim/doudian", sim.doudian().appKey(), sim.doudian().appSecret(), warehouse.id(),
                    env.getProperty("fahuo.demo.auto-ship", Boolean.class, true)));
        }
        shops.list(t).stream().filter(s -> s.platform() == Platform.DOUDIAN)
                .forEach(s -> shops.updateApiBaseUrl(t, s.id(), simBase + "/sim/doudian"));
        if (couriers.list(t).isEmpty()) {
            couriers.create(t, new CourierAccounts.NewAccount(CourierProvider.KDNIAO, Carrier.ZTO, "中通 (快递鸟模拟, 月结)",
                    simBase + "/sim/kdniao", Map.of("EBusinessID", sim.kdniao().eBusinessId(), "AppKey", sim.kdniao().appKey(),
                            "CustomerName", "hz-demo-0571", "CustomerPwd", "demo"), 3, "5710012345", true));
            couriers.setBalanceAlert(t, couriers.list(t).get(0).id(), 500);
            couriers.create(t, new CourierAccounts.NewAccount(CourierProvider.SF, Carrier.SF, "顺丰 (丰桥模拟, 月结)",
                    simBase + "/sim/sf", Map.of("partnerID", sim.sf().partnerId(), "checkWord", sim.sf().checkWord()), 3,
                    "5710098765", false));
        }
        Shop demoShop = shops.list(t).stream().filter(s -> s.platform() == Platform.DOUDIAN).findFirst().orElseThrow();
        if (couriers.list(t).stream().noneMatch(a -> a.provider() == CourierProvider.DOUYIN)) {
            // 抖音电子面单 through the demo shop: not the default, so a carrier rule decides when it is used
            shopWaybills.create(t, demoShop.id(), Carrier.YTO, "圆通 (抖音电子面单, 抖店模拟)", null, false);
        }
        if (!stockPush.setting(t, demoShop.id()).enabled()) {
            stockPush.configure(t, demoShop.id(), true, false, 5);
        }
        couriers.list(t).stream().filter(a -> a.provider() != CourierProvider.DOUYIN).forEach(a -> couriers.updateApiBaseUrl(t, a.id(),
                simBase + (a.provider() == CourierProvider.SF ? "/sim/sf" : "/sim/kdniao")));
        log.info("demo mode: Douyin, Kdniao and SF simulators at {}/sim/*, demo API token: {}", simBase, demoToken(t));
        log.info("console: http://localhost:{}/console — {}", env.getProperty("local.server.port", env.getProperty("server.port", "8080")),
                demoLogin(t));
    }

    /**
     * Gives the demo's console user {@code admin} a random password kept in the data directory, unless an
     * operator chose one (FAHUO_BOOTSTRAP_ADMIN_PASSWORD).
     */
    private String demoLogin(long tenantId) {
        Path file = dataDir.resolve("demo-console-password");
        try {
            String password;
            if (!users.exists(Users.ADMIN)) {
                password = randomPassword();
                users.save(tenantId, Users.ADMIN, password, ApiTokens.ADMIN);
                Files.createDirectories(dataDir);
                Files.writeString(file, password + "\n");
            } else {
                password = Files.exists(file) ? Files.readString(file).strip() : null;
                if (password == null || users.authenticate(Users.ADMIN, password).isEmpty()) {
                    return "user " + Users.ADMIN + " with the password set by FAHUO_BOOTSTRAP_ADMIN_PASSWORD";
                }
            }
            return "user " + Users.ADMIN + ", password " + password + " (also in " + file + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private Warehouse seedWarehouse(long t) {
        Warehouse w = warehouses.create(t, WAREHOUSE_CODE, "杭州余杭主仓", WarehouseKind.OWN,
                new SenderProfile("发货演示旗舰店", "057188886666", "杭州发货科技有限公司", "浙江省", "杭州市", "余杭区",
                        "仓前街道文一西路1500号 3号库", "91330110MA2DEMO01X"));
        for (DemoCatalog.Product p : DemoCatalog.PRODUCTS) {
            skus.create(t, p.code(), p.name() + " " + p.spec(), p.weightGrams());
            stock.setOnHand(t, w.id(), p.code(), 100_000, MovementReason.IMPORT, "demo opening stock");
        }
        return w;
    }

    /** The demo's API token, kept in the data directory so it stays the same across restarts. */
    private String demoToken(long tenantId) {
        Path file = dataDir.resolve("demo-api-token");
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file).strip();
                tokens.register(tenantId, "demo", ApiTokens.ADMIN, token);
                return token;
            }
            String token = tokens.issue(tenantId, "demo", ApiTokens.ADMIN);
            Files.createDirectories(dataDir);
            Files.writeString(file, token + "\n");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
