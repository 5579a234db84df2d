package io.fahuo.platforms.doudian;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.platforms.PlatformConnector;
import io.fahuo.platforms.PlatformException;
import io.fahuo.platforms.TokenStore;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.ConfirmationOutcome.Kind;
import io.fahuo.platforms.domain.OrderWindowPage;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.platforms.domain.ShippingConfirmation;
import io.fahuo.platforms.domain.ShopCredentials;
import tools.jackson.databind.JsonNode;

/** Douyin shop (抖店) Open Platform connector. */
public class DoudianConnector implements PlatformConnector {

    private final DoudianClient client;
    private final TokenStore tokens;
    private final Clock clock;
    private final DoudianSettings settings;
    private final DoudianRateLimiter limiter;
    private final Consumer<Duration> pause;
    private final Map<Long, Object> renewLocks = new ConcurrentHashMap<>();

    /** With the default settings and no client-side rate limit. */
    public DoudianConnector(DoudianClient client, TokenStore tokens, Clock clock) {
        this(client, tokens, clock, DoudianSettings.of(Duration.ofSeconds(15), 100, 50000), new DoudianRateLimiter(0));
    }

    public DoudianConnector(DoudianClient client, TokenStore tokens, Clock clock, DoudianSettings settings, DoudianRateLimiter limiter) {
        this(client, tokens, clock, settings, limiter, DoudianRateLimiter::sleep);
    }

    DoudianConnector(DoudianClient client, TokenStore tokens, Clock clock, DoudianSettings settings, DoudianRateLimiter limiter,
                     Consumer<Duration> pause) {
        this.client = client;
        this.tokens = tokens;
        this.clock = clock;
        this.settings = settings;
        this.limiter = limiter;
        this.pause = pause;
    }

    @Override
    public Platform platform() {
        return Platform.DOUDIAN;
    }

    @Override
    public OrderWindowPage ordersUpdatedBetween(ShopCredentials shop, Instant from, Instant to, int page, int size) {
        JsonNode data = call(shop, "order.searchList", DoudianMapper.searchListParams(from, to, page, size));
        return DoudianMapper.page(data, page, size);
    }

    @Override
    public Optional<IncomingOrder> order(ShopCredentials shop, String platformOrderId) {
        return detail(shop, platformOrderId).map(DoudianMapper::order);
    }

    private Optional<JsonNode> detail(ShopCredentials shop, String platformOrderId) {
        try {
            JsonNode data = call(shop, "order.orderDetail", Map.of("shop_order_id", platformOrderId));
            JsonNode detail = data.path("shop_order_detail");
            return detail.isObject() ? Optional.of(detail) : Optional.empty();
        } catch (PlatformException e) {
            if (DoudianCodes.businessCode(e.code()) == DoudianCodes.NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Map<String, ReceiverPlaintext> revealReceivers(ShopCredentials shop, Map<String, String> sensitiveByOrderId) {
        Map<String, ReceiverPlaintext> out = new LinkedHashMap<>();
        List<Map<String, Object>> infos = DoudianMapper.cipherInfos(sensitiveByOrderId);
        List<JsonNode> decrypted = new ArrayList<>();
        for (int i = 0; i < infos.size(); i += DoudianCodes.MAX_DECRYPT_BATCH) {
            List<Map<String, Object>> batch = infos.subList(i, Math.min(infos.size(), i + DoudianCodes.MAX_DECRYPT_BATCH));
            JsonNode data = call(shop, "order.batchDecrypt", Map.of("cipher_infos", batch));
            data.path("decrypt_infos").forEach(decrypted::add);
        }
        out.putAll(DoudianMapper.receivers(sensitiveByOrderId, decrypted));
        return out;
    }

    @Override
    public ConfirmationOutcome confirmShipping(ShopCredentials shop, ShippingConfirmation c) {
        for (ShippingConfirmation.Parcel p : c.parcels()) {
            if (DoudianCodes.companyCode(p.carrier()) == null) {
                return ConfirmationOutcome.of(Kind.REJECTED, "Douyin has no company code for " + p.carrier());
            }
        }
        try {
            if (c.singleParcel()) {
                ShippingConfirmation.Parcel p = c.parcels().get(0);
                call(shop, "order.logisticsAdd", DoudianMapper.logisticsAddParams(c.platformOrderId(),
                        DoudianCodes.companyCode(p.carrier()), p.trackingNumber()));
            } else {
                call(shop, "order.logisticsAddMultiPack", DoudianMapper.logisticsAddMultiPackParams(c));
            }
            return ConfirmationOutcome.confirmed();
        } catch (PlatformException e) {
            int business = DoudianCodes.businessCode(e.code());
            if (business < 0) {
                throw e;
            }
            return switch (business) {
                case DoudianCodes.ALREADY_SHIPPED -> reconcile(shop, c);
                case DoudianCodes.CANCELLED -> ConfirmationOutcome.of(Kind.CANCELLED_ON_PLATFORM, e.getMessage());
                case DoudianCodes.REFUND_PENDING, DoudianCodes.RISK_REVIEW -> ConfirmationOutcome.of(Kind.HELD_BY_PLATFORM, e.getMessage());
                case DoudianCodes.NO_SUCH_ORDER, DoudianCodes.BAD_CARRIER -> ConfirmationOutcome.of(Kind.REJECTED, e.getMessage());
                default -> throw e;
            };
        }
    }

    /** "Already shipped" is success when the platform holds all our numbers: an earlier attempt got through. */
    private ConfirmationOutcome reconcile(ShopCredentials shop, ShippingConfirmation c) {
        List<String> numbers = detail(shop, c.platformOrderId()).map(DoudianMapper::trackingNumbers).orElse(List.of());
        if (c.parcels().stream().allMatch(p -> numbers.contains(p.trackingNumber()))) {
            return ConfirmationOutcome.confirmed();
        }
        return ConfirmationOutcome.of(Kind.SHIPPED_ELSEWHERE, "Douyin shows order " + c.platformOrderId()
                + " shipped with " + (numbers.isEmpty() ? "another number" : String.join(", ", numbers)));
    }

    /**
     * Calls a business method with a valid token. If the platform refuses the token (expired, or unknown to it),
     * the token is renewed (refresh first, a new self-authorisation as the fallback) and the call repeated once.
     */
    JsonNode call(ShopCredentials shop, String method, Map<String, ?> params) {
        ShopCredentials current = withUsableToken(shop);
        DoudianMapper.Envelope env = sendLimited(current, method, params);
        if (!env.ok() && isTokenRefusal(env.subCode())) {
            current = renew(current, current.accessToken());
            env = sendLimited(current, method, params);
        }
        return check(method, env);
    }

    /** A call refused with 60000 (traffic limited) is repeated after a jittered, growing pause, a few times. */
    private DoudianMapper.Envelope sendLimited(ShopCredentials shop, String method, Map<String, ?> params) {
        for (int attempt = 0; ; attempt++) {
            limiter.acquire(shop.appKey());
            DoudianMapper.Envelope env = send(shop, method, params);
            if (env.code() != DoudianCodes.RATE_LIMITED || attempt >= settings.rateLimitedRetries()) {
                return env;
            }
            pause.accept(DoudianRateLimiter.backoff(attempt));
        }
    }

    static boolean isTokenRefusal(String subCode) {
        return DoudianCodes.TOKEN_EXPIRED.equals(subCode) || DoudianCodes.TOKEN_NOT_FOUND.equals(subCode);
    }

    private DoudianMapper.Envelope send(ShopCredentials shop, String method, Map<String, ?> params) {
        String body = client.post(new DoudianClient.Call(shop.apiBaseUrl(), shop.appKey(), shop.appSecret(), method,
                shop.accessToken()), params);
        try {
            return DoudianMapper.envelope(body);
        } catch (RuntimeException e) {
            throw new PlatformException("bad-response", "Douyin " + method + " returned an unreadable answer", true, e);
        }
    }

    private static JsonNode check(String method, DoudianMapper.Envelope env) {
        if (env.ok()) {
            return env.data();
        }
        boolean retryable = env.code() == DoudianCodes.SERVICE_UNAVAILABLE || env.code() == DoudianCodes.TIMEOUT
                || env.code() == DoudianCodes.RATE_LIMITED;
        String code = env.subCode() == null || env.subCode().isEmpty() ? Integer.toString(env.code()) : env.subCode();
        throw new PlatformException(code, "Douyin " + method + ": " + env.describe(), retryable);
    }

    // ------------------------------------------------------------------ tokens

    private boolean usable(ShopCredentials shop) {
        return shop.accessToken() != null && shop.accessTokenExpiresAt() != null
                && shop.accessTokenExpiresAt().isAfter(clock.instant().plus(settings.renewBefore()));
    }

    private ShopCredentials withUsableToken(ShopCredentials shop) {
        return usable(shop) ? shop : renew(shop, null);
    }

    /**
     * Gets the shop a token the platform takes: one that another thread renewed meanwhile, else
     * {@code token.refresh}, else {@code token.create} (authorization_self). {@code refused} is the token the
     * platform just refused (null when renewing ahead of expiry): a refresh that gives it back does not count.
     */
    private ShopCredentials renew(ShopCredentials shop, String refused) {
        synchronized (renewLocks.computeIfAbsent(shop.shopId(), k -> new Object())) {
            ShopCredentials fromStore = tokens.credentials(shop.tenantId(), shop.shopId());
            ShopCredentials stored = fromStore == null ? shop : fromStore;
            boolean renewedMeanwhile = stored.accessToken() != null && !stored.accessToken().equals(shop.accessToken())
                    && !stored.accessToken().equals(refused);
            if (renewedMeanwhile && usable(stored)) {
                return stored;
            }
            if (stored.refreshToken() != null) {
                try {
                    ShopCredentials refreshed = grant(stored, "token.refresh", DoudianMapper.refreshParams(stored.refreshToken()));
                    if (!refreshed.accessToken().equals(refused) && refreshed.accessTokenExpiresAt().isAfter(clock.instant())) {
                        return refreshed;
                    }
                } catch (PlatformException e) {
                    if (e.retryable()) {
                        throw e;
                    }
                    // the refresh token is spent or expired: fall back to a new authorisation
                }
            }
            return grant(stored, "token.create", DoudianMapper.selfAuthorisationParams(stored.platformShopId()));
        }
    }

    /**
     * A tool app's first token: exchanges the authorisation code the merchant's consent produced
     * ({@code token.create}, grant_type authorization_code) and keeps the tokens on the shop.
     */
    public ShopCredentials authorize(ShopCredentials shop, String code) {
        if (code == null || code.isBlank()) {
            throw new PlatformException("token", "an authorisation code is required", false);
        }
        return grant(shop, "token.create", DoudianMapper.authorizationCodeParams(code));
    }

    private ShopCredentials grant(ShopCredentials shop, String method, Map<String, Object> params) {
        Instant now = clock.instant();
        limiter.acquire(shop.appKey());
        JsonNode data = check(method, send(shop.withTokens(null, null, null), method, params));
        DoudianMapper.TokenGrant g = DoudianMapper.tokenGrant(data, now);
        if (g.accessToken() == null) {
            throw new PlatformException("token", "Douyin " + method + " returned no access_token", true);
        }
        if (g.shopId() != null && shop.platformShopId() != null && !g.shopId().equals(shop.platformShopId())) {
            throw new PlatformException("token", "Douyin " + method + " authorised shop " + g.shopId() + ", not " + shop.platformShopId(), false);
        }
        tokens.save(shop.tenantId(), shop.shopId(), g.accessToken(), g.expiresAt(), g.refreshToken());
        return shop.withTokens(g.accessToken(), g.expiresAt(), g.refreshToken());
    }
}
