package io.fahuo.platforms;

import java.time.Instant;

/** Lets a connector keep the tokens it obtained or refreshed, sealed, on the shop. */
public interface TokenStore {

    void save(long tenantId, long shopId, String accessToken, Instant expiresAt, String refreshToken);
}
