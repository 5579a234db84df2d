package io.fahuo.platforms.domain;

import java.time.Instant;

/** A connected shop; its secrets stay sealed in the database and reach a connector only as {@link ShopCredentials}. */
public record Shop(long id, long tenantId, Platform platform, String name, String platformShopId, String apiBaseUrl,
                   String appKey, Long defaultWarehouseId, boolean autoShip, Instant syncCursor, Instant lastSyncAt,
                   String lastSyncError) {
}
