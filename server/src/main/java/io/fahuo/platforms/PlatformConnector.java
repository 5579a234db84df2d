package io.fahuo.platforms;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.OrderWindowPage;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.platforms.domain.ShippingConfirmation;
import io.fahuo.platforms.domain.ShopCredentials;

/**
 * What Fahuo needs from a sales platform. One implementation per platform, in its own sub-package, made of
 * a client (HTTP only), a mapper (pure conversion), its settings and codes. Implementations throw
 * {@link PlatformException} and refresh tokens through {@link TokenStore}.
 */
public interface PlatformConnector {

    Platform platform();

    /** The largest time window one query may span, and how far back the platform lets us look. */
    default java.time.Duration maxLookback() {
        return java.time.Duration.ofDays(90);
    }

    /** Orders whose update time lies in [from, to), one page (pages count from 0). */
    OrderWindowPage ordersUpdatedBetween(ShopCredentials shop, Instant from, Instant to, int page, int size);

    Optional<IncomingOrder> order(ShopCredentials shop, String platformOrderId);

    /**
     * Opens the platform's protected receiver forms (as stored in {@code IncomingOrder.receiver().sensitive()}),
     * keyed by platform order id. Used only to issue a waybill.
     */
    Map<String, ReceiverPlaintext> revealReceivers(ShopCredentials shop, Map<String, String> sensitiveByOrderId);

    ConfirmationOutcome confirmShipping(ShopCredentials shop, ShippingConfirmation confirmation);
}
