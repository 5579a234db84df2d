package io.fahuo.platforms;

import java.time.Instant;

import io.fahuo.platforms.domain.ShopCredentials;

/** Lets a connector keep the tokens it obtained or refreshed, sealed, on the shop. */
@FunctionalInterface
public interface TokenStore {

    void save(long tenantId, long shopId, String accessToken, Instant expiresAt, String refreshToken);

    /**
     * The shop's credentials as stored now (another thread or node may have renewed the tokens meanwhile), or
     * null for a store that cannot tell (the connector then goes on with what it holds).
     */
    default ShopCredentials credentials(long tenantId, long shopId) {
        return null;
    }
}
