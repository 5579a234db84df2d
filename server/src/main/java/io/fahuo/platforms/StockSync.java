package io.fahuo.platforms;

import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ShopCredentials;

/**
 * A platform's stock update for one SKU (Douyin {@code sku.syncStock}), by the merchant's SKU code. Absolute:
 * {@code stockNum} is the stock. Incremental: {@code stockNum} is added (may be negative) and
 * {@code idempotentId} makes a repeated call change nothing; a repeat the platform reports as such returns normally.
 */
public interface StockSync {

    Platform platform();

    void push(ShopCredentials shop, String skuCode, boolean incremental, String idempotentId, long stockNum);
}
