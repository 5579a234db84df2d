package io.fahuo.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.platforms.StockPush;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "stock")
class StockPushApi {

    record StockPushChange(Boolean enabled, Boolean incremental, Integer safetyBuffer) {
    }

    record StockPushView(StockPush.Setting setting, List<StockPush.SkuState> skus) {
    }

    private final StockPush push;

    StockPushApi(StockPush push) {
        this.push = push;
    }

    @PutMapping("/api/v1/shops/{shopId}/stock-push")
    @Operation(summary = "Push available stock minus a safety buffer to the shop's platform SKUs (by merchant code) after it changes, "
            + "debounced per SKU; incremental mode sends only stock takes, imports and returns (with idempotent ids) after one absolute push")
    StockPush.Setting configure(@PathVariable long shopId, @RequestBody(required = false) StockPushChange body) {
        if (body == null || body.enabled() == null) {
            throw new InvalidRequestException("a body {enabled, incremental?, safetyBuffer?} is required");
        }
        return push.configure(CurrentTenant.id(), shopId, body.enabled(), Boolean.TRUE.equals(body.incremental()),
                body.safetyBuffer() == null ? 0 : body.safetyBuffer());
    }

    @GetMapping("/api/v1/shops/{shopId}/stock-push")
    @Operation(summary = "The shop's stock push setting and, per SKU, what was last pushed, when, and the last error")
    StockPushView get(@PathVariable long shopId) {
        long t = CurrentTenant.id();
        return new StockPushView(push.setting(t, shopId), push.states(t, shopId));
    }
}
