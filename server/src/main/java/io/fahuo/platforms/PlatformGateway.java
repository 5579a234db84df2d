package io.fahuo.platforms;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.fahuo.orders.OrderIntake;
import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShippingConfirmation;
import io.fahuo.platforms.domain.ShopCredentials;

/** What the rest of Fahuo asks of a shop's platform, whichever platform it is. */
@Service
public class PlatformGateway {

    private final Map<Platform, PlatformConnector> connectors = new EnumMap<>(Platform.class);
    private final Shops shops;
    private final OrderIntake intake;

    PlatformGateway(List<PlatformConnector> connectors, Shops shops, OrderIntake intake) {
        connectors.forEach(c -> this.connectors.put(c.platform(), c));
        this.shops = shops;
        this.intake = intake;
    }

    public PlatformConnector connector(Platform platform) {
        PlatformConnector c = connectors.get(platform);
        if (c == null) {
            throw new IllegalStateException("no connector for " + platform);
        }
        return c;
    }

    /**
     * Opens the platform's protection of one order's receiver for a waybill. Throws if the platform would
     * not reveal it, so no waybill goes out with a partial address.
     */
    public ReceiverPlaintext revealReceiver(long tenantId, long shopId, String platformOrderId, String sensitive) {
        Shop shop = shops.get(tenantId, shopId);
        ShopCredentials creds = shops.credentials(tenantId, shopId);
        ReceiverPlaintext r = connector(shop.platform()).revealReceivers(creds, Map.of(platformOrderId, sensitive)).get(platformOrderId);
        if (r == null) {
            throw new PlatformException("decrypt", shop.platform() + " did not reveal the receiver of order " + platformOrderId, true);
        }
        return r;
    }

    public ConfirmationOutcome confirmShipping(long tenantId, long shopId, ShippingConfirmation confirmation) {
        Shop shop = shops.get(tenantId, shopId);
        return connector(shop.platform()).confirmShipping(shops.credentials(tenantId, shopId), confirmation);
    }

    /** Fetches one order from the platform and takes in what it says now. */
    public Optional<IncomingOrder> refreshOrder(long tenantId, long shopId, String platformOrderId) {
        Shop shop = shops.get(tenantId, shopId);
        Optional<IncomingOrder> order = connector(shop.platform()).order(shops.credentials(tenantId, shopId), platformOrderId);
        order.ifPresent(o -> intake.accept(tenantId, shopId, shop.platform().name(), List.of(o)));
        return order;
    }
}
