package io.fahuo.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.fulfilment.CarrierDryRun;
import io.fahuo.fulfilment.FulfilmentRules;
import io.fahuo.fulfilment.domain.CarrierRule;
import io.fahuo.fulfilment.domain.HoldRule;
import io.fahuo.inventory.Skus;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the merchant tunes: automatic review, carrier rules, splitting, SKU routing data. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "rules")
class RulesApi {

    record NewHoldRule(String kind, String value) {
    }

    record NewCarrierRule(Integer position, String name, Set<String> provinces, Set<String> cities, Boolean remoteOnly,
                          Integer minWeightGrams, Integer maxWeightGrams, String skuTag, Long minAmountFen, Long maxAmountFen,
                          Long shopId, Long courierAccountId) {
    }

    record DryRunRequest(List<Long> orderIds, Integer limit) {
    }

    record Tags(List<String> tags) {
    }

    record Priority(Integer priority) {
    }

    record Bundle(Map<String, Integer> components) {
    }

    private final FulfilmentRules rules;
    private final CarrierDryRun dryRun;
    private final Skus skus;

    RulesApi(FulfilmentRules rules, CarrierDryRun dryRun, Skus skus) {
        this.rules = rules;
        this.dryRun = dryRun;
        this.skus = skus;
    }

    @GetMapping("/rules/holds")
    List<HoldRule> holdRules() {
        return rules.holdRules(CurrentTenant.id());
    }

    @PostMapping("/rules/holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an automatic-review rule: BUYER_REMARK / SELLER_REMARK (keyword, empty = any), AMOUNT_OVER (fen), ADDRESS_CHANGE")
    HoldRule addHoldRule(@RequestBody NewHoldRule r) {
        if (r == null) {
            throw new InvalidRequestException("a JSON body {\"kind\": …, \"value\": …} is required");
        }
        return rules.addHoldRule(CurrentTenant.id(), r.kind(), r.value());
    }

    @DeleteMapping("/rules/holds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeHoldRule(@PathVariable long id) {
        rules.removeHoldRule(CurrentTenant.id(), id);
    }

    @GetMapping("/rules/carriers")
    List<CarrierRule> carrierRules() {
        return rules.carrierRules(CurrentTenant.id());
    }

    @PostMapping("/rules/carriers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a carrier rule (tried in position order; the default courier account is the fallback)")
    CarrierRule addCarrierRule(@RequestBody NewCarrierRule r) {
        if (r == null || r.courierAccountId() == null) {
            throw new InvalidRequestException("a carrier rule needs a name and a courierAccountId");
        }
        return rules.addCarrierRule(CurrentTenant.id(), new CarrierRule(0, r.position() == null ? 0 : r.position(), r.name(),
                r.provinces() == null ? Set.of() : r.provinces(), r.cities() == null ? Set.of() : r.cities(),
                Boolean.TRUE.equals(r.remoteOnly()), r.minWeightGrams(), r.maxWeightGrams(), r.skuTag(), r.minAmountFen(),
                r.maxAmountFen(), r.shopId(), r.courierAccountId()));
    }

    @DeleteMapping("/rules/carriers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeCarrierRule(@PathVariable long id) {
        rules.removeCarrierRule(CurrentTenant.id(), id);
    }

    @PostMapping("/rules/carriers/dry-run")
    @Operation(summary = "Which carrier the current rules would pick for past orders, and why")
    List<CarrierDryRun.Verdict> dryRun(@RequestBody(required = false) DryRunRequest r) {
        return dryRun.run(CurrentTenant.id(), r == null ? null : r.orderIds(), r == null || r.limit() == null ? 50 : r.limit());
    }

    @GetMapping("/settings/fulfilment")
    FulfilmentRules.Settings settings() {
        return rules.settings(CurrentTenant.id());
    }

    @PutMapping("/settings/fulfilment")
    FulfilmentRules.Settings updateSettings(@RequestBody FulfilmentRules.Settings s) {
        if (s == null) {
            throw new InvalidRequestException("a JSON body is required");
        }
        return rules.updateSettings(CurrentTenant.id(), s);
    }

    @PutMapping("/skus/{code}/tags")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void tags(@PathVariable String code, @RequestBody Tags tags) {
        skus.setTags(CurrentTenant.id(), code, tags == null || tags.tags() == null ? List.of() : tags.tags());
    }

    @PutMapping("/skus/{code}/warehouses/{warehouseId}/priority")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void priority(@PathVariable String code, @PathVariable long warehouseId, @RequestBody Priority p) {
        if (p == null || p.priority() == null) {
            throw new InvalidRequestException("a JSON body {\"priority\": n} is required (lower ships first)");
        }
        skus.setWarehousePriority(CurrentTenant.id(), code, warehouseId, p.priority());
    }

    @PutMapping("/bundles/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Define a combo/bundle merchant code as its component SKUs × quantity")
    void bundle(@PathVariable String code, @RequestBody Bundle b) {
        skus.defineBundle(CurrentTenant.id(), code, b == null ? null : b.components());
    }
}
