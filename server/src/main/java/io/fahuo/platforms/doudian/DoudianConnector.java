package io.fahuo.platforms.doudian;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

    private final DoudianClient client;
    private final TokenStore tokens;
    private final Clock clock;

    public DoudianConnector(DoudianClient client, TokenStore tokens, Clock clock) {
        this.client = client;
        this.tokens = tokens;
        this.clock = clock;
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

    /** Calls a business method with a valid token, getting a new one and retrying once if the platform refuses it. */
    JsonNode call(ShopCredentials shop, String method, Map<String, ?> params) {
        ShopCredentials current = withValidToken(shop, false);
        DoudianMapper.Envelope env = send(current, method, params);
        if (!env.ok() && (DoudianCodes.TOKEN_EXPIRED.equals(env.subCode()) || DoudianCodes.TOKEN_NOT_FOUND.equals(env.subCode()))) {
            current = withValidToken(shop, true);
            env = send(current, method, params);
        }
        return check(method, env);
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

    private ShopCredentials withValidToken(ShopCredentials shop, boolean forceNew) {
        Instant now = clock.instant();
        boolean valid = shop.accessToken() != null && shop.accessTokenExpiresAt() != null
                && shop.accessTokenExpiresAt().isAfter(now.plus(TOKEN_MARGIN));
        if (valid && !forceNew) {
            return shop;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("code", "");
        params.put("grant_type", "authorization_self");
        params.put("shop_id", shop.platformShopId());
        DoudianMapper.Envelope env = send(shop.withTokens(null, null, null), "token.create", params);
        JsonNode data = check("token.create", env);
        String access = DoudianMapper.text(data, "access_token");
        String refresh = DoudianMapper.text(data, "refresh_token");
        Instant expires = now.plusSeconds(data.path("expires_in").asLong(0));
        if (access == null) {
            throw new PlatformException("token", "Douyin token.create returned no access_token", true);
        }
        tokens.save(shop.tenantId(), shop.shopId(), access, expires, refresh);
        return shop.withTokens(access, expires, refresh);
    }
}
