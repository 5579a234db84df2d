package io.fahuo.platforms.domain;

import java.time.Instant;

/** What a connector needs to call the platform for one shop. Lives in memory only. */
public record ShopCredentials(long shopId, long tenantId, String apiBaseUrl, String appKey, String appSecret,
                              String platformShopId, String accessToken, Instant accessTokenExpiresAt,
                              String refreshToken) {

    public ShopCredentials withTokens(String access, Instant expiresAt, String refresh) {
        return new ShopCredentials(shopId, tenantId, apiBaseUrl, appKey, appSecret, platformShopId, access, expiresAt, refresh);
    }

    @Override
    public String toString() {
        return "ShopCredentials[shop=" + shopId + ", appKey=" + appKey + "]";
    }
}
