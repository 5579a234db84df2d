package io.fahuo.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.inventory.domain.WarehouseKind;
import io.fahuo.platforms.ShopWaybillAccounts;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;

/**
 * Shops, courier accounts and warehouses. Secrets entered here go straight to the modules that seal them;
 * the page never shows them again.
 */
@Controller
class SettingsController {

    static final String DOUDIAN_API = "https://openapi-fxg.jinritemai.com";
    static final String KDNIAO_API = "https://api.kdniao.com";

    private final Shops shops;
    private final CourierAccounts couriers;
    private final Warehouses warehouses;
    private final ShopWaybillAccounts shopWaybills;
    private final Couriers courierServices;

    SettingsController(Shops shops, CourierAccounts couriers, Warehouses warehouses, ShopWaybillAccounts shopWaybills,
                       Couriers courierServices) {
        this.shopWaybills = shopWaybills;
        this.courierServices = courierServices;
        this.shops = shops;
        this.couriers = couriers;
        this.warehouses = warehouses;
    }

    @GetMapping("/console/settings")
    String page(Model model) {
        long t = CurrentTenant.id();
        model.addAttribute("shops", shops.list(t));
        model.addAttribute("couriers", couriers.list(t));
        model.addAttribute("warehouses", warehouses.list(t));
        model.addAttribute("carriers", Carrier.values());
        model.addAttribute("douyinCarriers", courierServices.carriers(CourierProvider.DOUYIN));
        model.addAttribute("kinds", WarehouseKind.values());
        model.addAttribute("doudianApi", DOUDIAN_API);
        model.addAttribute("kdniaoApi", KDNIAO_API);
        return "console/settings";
    }

    @PostMapping("/console/settings/shops/{id}/auto-ship")
    String autoShip(@PathVariable long id, @RequestParam boolean autoShip, RedirectAttributes flash) {
        shops.setAutoShip(CurrentTenant.id(), id, autoShip);
        return saved(flash);
    }

    @PostMapping("/console/settings/shops/{id}/warehouse")
    String shopWarehouse(@PathVariable long id, @RequestParam long warehouseId, RedirectAttributes flash) {
        long t = CurrentTenant.id();
        shops.setDefaultWarehouse(t, id, warehouses.get(t, warehouseId).id());
        return saved(flash);
    }

    @PostMapping("/console/settings/shops")
    String connectShop(@RequestParam String name, @RequestParam String platformShopId, @RequestParam String apiBaseUrl,
                       @RequestParam String appKey, @RequestParam String appSecret, @RequestParam(required = false) Long warehouseId,
                       @RequestParam(defaultValue = "false") boolean autoShip, RedirectAttributes flash) {
        long t = CurrentTenant.id();
        Long warehouse = warehouseId == null ? null : warehouses.get(t, warehouseId).id();
        shops.connect(t, new Shops.NewShop(Platform.DOUDIAN, name.strip(), platformShopId.strip(), apiBaseUrl.strip(),
                appKey.strip(), appSecret, warehouse, autoShip));
        return saved(flash);
    }

    @PostMapping("/console/settings/couriers")
    String addCourier(@RequestParam String name, @RequestParam Carrier carrier, @RequestParam String apiBaseUrl,
                      @RequestParam String eBusinessId, @RequestParam String appKey, @RequestParam(defaultValue = "") String customerName,
                      @RequestParam(defaultValue = "") String customerPwd, @RequestParam(defaultValue = "") String monthCode,
                      @RequestParam(defaultValue = "3") int payType, @RequestParam(defaultValue = "false") boolean isDefault,
                      RedirectAttributes flash) {
        if (eBusinessId.isBlank() || appKey.isBlank()) {
            throw new InvalidRequestException("a Kdniao account needs its EBusinessID and AppKey");
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("EBusinessID", eBusinessId.strip());
        credentials.put("AppKey", appKey.strip());
        putIfPresent(credentials, "CustomerName", customerName);
        putIfPresent(credentials, "CustomerPwd", customerPwd);
        couriers.create(CurrentTenant.id(), new CourierAccounts.NewAccount(CourierProvider.KDNIAO, carrier, name.strip(), apiBaseUrl.strip(),
                credentials, payType, monthCode.isBlank() ? null : monthCode.strip(), isDefault));
        return saved(flash);
    }

    @PostMapping("/console/settings/couriers/douyin")
    String addDouyinWaybillAccount(@RequestParam long shopId, @RequestParam Carrier carrier, @RequestParam(defaultValue = "") String name,
                                   @RequestParam(defaultValue = "") String netsiteCode, @RequestParam(defaultValue = "false") boolean isDefault,
                                   RedirectAttributes flash) {
        shopWaybills.create(CurrentTenant.id(), shopId, carrier, name.isBlank() ? null : name.strip(), netsiteCode, isDefault);
        return saved(flash);
    }

    @PostMapping("/console/settings/warehouses")
    String addWarehouse(@RequestParam String code, @RequestParam String name, @RequestParam WarehouseKind kind, RedirectAttributes flash) {
        warehouses.create(CurrentTenant.id(), code.strip(), name.strip(), kind, null);
        return saved(flash);
    }

    @PostMapping("/console/settings/warehouses/{id}/sender")
    String sender(@PathVariable long id, @RequestParam String name, @RequestParam String phone,
                  @RequestParam(defaultValue = "") String company, @RequestParam String province, @RequestParam String city,
                  @RequestParam String district, @RequestParam String address, @RequestParam(defaultValue = "") String creditCode,
                  RedirectAttributes flash) {
        SenderProfile profile = new SenderProfile(blankToNull(name), blankToNull(phone), blankToNull(company), blankToNull(province),
                blankToNull(city), blankToNull(district), blankToNull(address), blankToNull(creditCode));
        if (!profile.isComplete()) {
            throw new InvalidRequestException("the sender profile lacks " + String.join(", ", profile.missingFields()));
        }
        warehouses.updateSender(CurrentTenant.id(), id, profile);
        return saved(flash);
    }

    private static String saved(RedirectAttributes flash) {
        flash.addFlashAttribute("notice", "notice.saved");
        return "redirect:/console/settings";
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
