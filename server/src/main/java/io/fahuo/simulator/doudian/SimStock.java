package io.fahuo.simulator.doudian;

import static io.fahuo.simulator.doudian.DoudianPlatform.error;
import static io.fahuo.simulator.doudian.DoudianPlatform.ok;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.DemoCatalog;
import io.fahuo.simulator.SimClock;

/**
 * The simulated platform's SKU stock ({@code sku.syncStock}): per shop and SKU (the catalogue's products, found by
 * {@code sku_id} or merchant {@code code}), less what the shop sells (deducted when an order is placed); absolute sets (0 allowed), incremental adds with an
 * {@code idempotent_id} that is applied once (a repeat is refused with {@code isv.parameter-invalid:40010} and
 * changes nothing) and may not take the stock below 0. Every call is kept.
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class SimStock {

    /** One sku.syncStock call as the platform answered it. */
    public record Call(String shopId, String code, boolean incremental, String idempotentId, long stockNum, Long stockAfter,
                       Instant at, boolean accepted, String refusal) {
    }

    private final SimClock clock;
    private final Map<String, Long> stock = new ConcurrentHashMap<>();
    private final Map<String, Boolean> usedIds = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public SimStock(DoudianPlatform platform, SimClock clock) {
        this.clock = clock;
        platform.serve("sku.syncStock", this::syncStock, this::reset);
        platform.onOrderCreated(this::sold);
    }

    /** The platform deducts its own sales from the SKU's stock when the order is placed (never below 0). */
    private synchronized void sold(SimOrder o) {
        for (SimOrder.SkuOrder s : o.skus) {
            stock.computeIfPresent(o.shopId + "|" + s.code(), (k, v) -> Math.max(0, v - s.itemNum()));
        }
    }

    private synchronized Map<String, Object> syncStock(String shop, Map<String, Object> p) {
        Optional<DemoCatalog.Product> product = DemoCatalog.PRODUCTS.stream()
                .filter(x -> x.skuId().equals(SimLogistics.str(p.get("sku_id"))) || x.code().equals(SimLogistics.str(p.get("code"))))
                .findFirst();
        boolean incremental = Boolean.TRUE.equals(p.get("incremental")) || "true".equals(SimLogistics.str(p.get("incremental")));
        String id = SimLogistics.str(p.get("idempotent_id"));
        Long num = p.get("stock_num") instanceof Number n ? n.longValue() : null;
        String code = product.map(DemoCatalog.Product::code).orElse(SimLogistics.str(p.get("code")));
        Map<String, Object> refusal = null;
        if (SimLogistics.blank(SimLogistics.str(p.get("sku_id"))) && SimLogistics.blank(SimLogistics.str(p.get("code")))
                && SimLogistics.blank(SimLogistics.str(p.get("out_sku_id")))) {
            refusal = error(40002, "缺少业务参数", "isv.missing-parameter", "sku_id, code or out_sku_id is required");
        } else if (product.isEmpty()) {
            refusal = error(50002, "业务处理失败", "isv.business-failed:40020", "商品规格不存在");
        } else if (num == null) {
            refusal = error(40002, "缺少业务参数", "isv.missing-parameter", "stock_num is required");
        } else if (incremental && SimLogistics.blank(id)) {
            refusal = error(40002, "缺少业务参数", "isv.missing-parameter", "incremental=true 时 idempotent_id 必填");
        } else if (incremental && usedIds.containsKey(shop + "|" + id)) {
            refusal = error(40004, "业务参数不合法", "isv.parameter-invalid:40010", "幂等ID已存在");
        } else if (!incremental && num < 0) {
            refusal = error(40004, "业务参数不合法", "isv.parameter-invalid", "stock_num 不能小于 0");
        }
        String key = shop + "|" + code;
        long before = stock.getOrDefault(key, 0L);
        if (refusal == null && incremental && before + num < 0) {
            refusal = error(50002, "业务处理失败", "isv.business-failed:40021", "库存不能小于 0");
        }
        Instant now = clock.now();
        if (refusal != null) {
            calls.add(new Call(shop, code, incremental, id, num == null ? 0 : num, null, now, false, (String) refusal.get("sub_msg")));
            return refusal;
        }
        long after = incremental ? before + num : num;
        stock.put(key, after);
        if (incremental) {
            usedIds.put(shop + "|" + id, true);
        }
        calls.add(new Call(shop, code, incremental, id, num, after, now, true, null));
        return ok(Map.of());
    }

    /** The stock the platform shows for a shop's SKU (0 before any push). */
    public long stock(String shopId, String code) {
        return stock.getOrDefault(shopId + "|" + code, 0L);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized void reset() {
        stock.clear();
        usedIds.clear();
        calls.clear();
    }
}
