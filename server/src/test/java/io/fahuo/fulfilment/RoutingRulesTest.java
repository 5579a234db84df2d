package io.fahuo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fahuo.fulfilment.domain.CarrierRule;
import io.fahuo.fulfilment.domain.CarrierSelection;
import io.fahuo.fulfilment.domain.HoldRule;
import io.fahuo.fulfilment.domain.HoldRules;
import io.fahuo.fulfilment.domain.OrderFacts;
import io.fahuo.fulfilment.domain.Regions;
import io.fahuo.fulfilment.domain.WarehouseRouting;
import io.fahuo.fulfilment.domain.WarehouseRouting.Candidate;
import io.fahuo.fulfilment.domain.WarehouseRouting.Line;

/** The rule kinds a merchant tunes, as pure decisions. */
class RoutingRulesTest {

    // ------------------------------------------------------------ holds

    @Test
    void holdsByBuyerRemarkKeywordSellerRemarkAmountAndUnknownSku() {
        List<HoldRule> rules = List.of(new HoldRule(1, HoldRule.Kind.BUYER_REMARK, "发票"),
                new HoldRule(2, HoldRule.Kind.SELLER_REMARK, ""), new HoldRule(3, HoldRule.Kind.AMOUNT_OVER, "50000"));
        assertThat(HoldRules.evaluate(new OrderFacts("需要发票,谢谢", null, 100, Set.of()), rules)).get().asString().contains("发票");
        assertThat(HoldRules.evaluate(new OrderFacts("请尽快", null, 100, Set.of()), rules)).isEmpty();
        assertThat(HoldRules.evaluate(new OrderFacts(null, "换黑色", 100, Set.of()), rules)).get().asString().contains("seller remark");
        assertThat(HoldRules.evaluate(new OrderFacts(null, null, 50001, Set.of()), rules)).get().asString().contains("¥500.01");
        assertThat(HoldRules.evaluate(new OrderFacts(null, null, 50000, Set.of()), rules)).isEmpty();
        assertThat(HoldRules.evaluate(new OrderFacts(null, null, 1, Set.of("X-1")), List.of())).get().asString().contains("unknown SKU: X-1");
    }

    // ------------------------------------------------------------ warehouses

    static final Candidate HZ = new Candidate(1, "HZ", "浙江省");
    static final Candidate GZ = new Candidate(2, "GZ", "广东省");
    static final Candidate BJ = new Candidate(3, "BJ", "北京市");

    static WarehouseRouting.Input input(String receiver, Map<Long, Map<String, Integer>> stock, Map<String, Map<Long, Integer>> priority,
                                        boolean split, Line... lines) {
        return new WarehouseRouting.Input(List.of(lines), receiver, List.of(HZ, GZ, BJ), stock, priority, 1L, split);
    }

    @Test
    void shipsFromTheNearestWarehouseThatHasEverything() {
        Map<Long, Map<String, Integer>> stock = Map.of(1L, Map.of("A", 5), 2L, Map.of("A", 5), 3L, Map.of("A", 5));
        var plan = WarehouseRouting.route(input("广东省", stock, Map.of(), false, new Line("1", Map.of("A", 1))));
        assertThat(plan.parcels()).singleElement().satisfies(p -> assertThat(p.warehouseId()).isEqualTo(2));
        assertThat(plan.explanation()).contains("same province");
        var regional = WarehouseRouting.route(input("江苏省", stock, Map.of(), false, new Line("1", Map.of("A", 1))));
        assertThat(regional.parcels().get(0).warehouseId()).isEqualTo(1);
        assertThat(regional.explanation()).contains("same region");
    }

    @Test
    void skuPriorityBeatsDistanceAndStockDecides() {
        Map<Long, Map<String, Integer>> stock = Map.of(1L, Map.of("A", 5), 2L, Map.of("A", 5), 3L, Map.of("A", 0));
        var plan = WarehouseRouting.route(input("广东省", stock, Map.of("A", Map.of(3L, 1, 1L, 2)), false, new Line("1", Map.of("A", 1))));
        assertThat(plan.parcels().get(0).warehouseId()).as("BJ is first but empty, HZ is next by priority").isEqualTo(1);
        assertThat(plan.explanation()).contains("priority");
    }

    @Test
    void splitsAcrossWarehousesOnlyWhenAllowedAndKeepsLinesWhole() {
        Map<Long, Map<String, Integer>> stock = Map.of(1L, Map.of("A", 5), 2L, Map.of("B", 5, "C", 1));
        Line a = new Line("1", Map.of("A", 2));
        Line bundle = new Line("2", Map.of("B", 1, "C", 1));
        var refused = WarehouseRouting.route(input("浙江省", stock, Map.of(), false, a, bundle));
        assertThat(refused.feasible()).isFalse();
        assertThat(refused.explanation()).contains("splitting across warehouses is off");
        var split = WarehouseRouting.route(input("浙江省", stock, Map.of(), true, a, bundle));
        assertThat(split.parcels()).hasSize(2);
        assertThat(split.parcels()).anySatisfy(p -> {
            assertThat(p.warehouseId()).isEqualTo(2);
            assertThat(p.lineIds()).containsExactly("2");
            assertThat(p.demand()).containsEntry("B", 1).containsEntry("C", 1);
        });
        var impossible = WarehouseRouting.route(input("浙江省", stock, Map.of(), true, a, new Line("3", Map.of("C", 2))));
        assertThat(impossible.shortSkus()).containsExactly("C");
    }

    // ------------------------------------------------------------ carriers

    static CarrierRule rule(int pos, String name, Set<String> provinces, boolean remote, Integer minW, String tag, Long minAmount, long account) {
        return new CarrierRule(pos, pos, name, provinces, Set.of(), remote, minW, null, tag, minAmount, null, null, account);
    }

    @Test
    void carrierRulesAreTriedInOrderWithAFallbackAndExplainThemselves() {
        List<CarrierRule> rules = List.of(
                rule(1, "偏远走EMS", Set.of(), true, null, null, null, 10),
                rule(2, "易碎走顺丰", Set.of(), false, null, "fragile", null, 20),
                rule(3, "重货走德邦", Set.of(), false, 5000, null, null, 30),
                rule(4, "广东高价走京东", Set.of("广东"), false, null, null, 100000L, 40));
        var remote = CarrierSelection.choose(new CarrierSelection.Parcel("新疆维吾尔自治区", "乌鲁木齐市", 100, Set.of("fragile"), 10, 1), rules, 99L, "中通");
        assertThat(remote.get().courierAccountId()).isEqualTo(10);
        assertThat(remote.get().explanation()).contains("rule #1").contains("新疆 is a remote area");
        var fragile = CarrierSelection.choose(new CarrierSelection.Parcel("浙江省", "杭州市", 100, Set.of("fragile"), 10, 1), rules, 99L, "中通");
        assertThat(fragile.get().courierAccountId()).isEqualTo(20);
        var heavy = CarrierSelection.choose(new CarrierSelection.Parcel("浙江省", "杭州市", 6000, Set.of(), 10, 1), rules, 99L, "中通");
        assertThat(heavy.get().courierAccountId()).isEqualTo(30);
        var pricey = CarrierSelection.choose(new CarrierSelection.Parcel("广东省", "深圳市", 100, Set.of(), 200000, 1), rules, 99L, "中通");
        assertThat(pricey.get().courierAccountId()).isEqualTo(40);
        var plain = CarrierSelection.choose(new CarrierSelection.Parcel("广东省", "深圳市", 100, Set.of(), 100, 1), rules, 99L, "中通");
        assertThat(plain.get().courierAccountId()).isEqualTo(99);
        assertThat(plain.get().explanation()).contains("no rule matched").contains("中通");
        assertThat(CarrierSelection.choose(new CarrierSelection.Parcel("广东省", "深圳市", 100, Set.of(), 100, 1), List.of(), null, null)).isEmpty();
    }

    @Test
    void provinceNamesAreNormalised() {
        assertThat(Regions.shortProvince("新疆维吾尔自治区")).isEqualTo("新疆");
        assertThat(Regions.shortProvince("上海市")).isEqualTo("上海");
        assertThat(Regions.distance("浙江省", "江苏")).isEqualTo(1);
        assertThat(Regions.isRemote("西藏自治区")).isTrue();
    }
}
