package io.fahuo.platforms;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.ConflictException;

/** Corrections of written-back tracking numbers, whichever platform the shop is on. */
@Service
public class ShippingCorrections {

    private final Map<Platform, ShippingCorrection> byPlatform = new EnumMap<>(Platform.class);
    private final Shops shops;

    ShippingCorrections(List<ShippingCorrection> corrections, Shops shops) {
        corrections.forEach(c -> byPlatform.put(c.platform(), c));
        this.shops = shops;
    }

    public ConfirmationOutcome correct(long tenantId, long shopId, String platformOrderId, Carrier carrier, String trackingNumber) {
        Shop shop = shops.get(tenantId, shopId);
        ShippingCorrection c = byPlatform.get(shop.platform());
        if (c == null) {
            throw new ConflictException(shop.platform() + " offers no way to correct a written-back tracking number");
        }
        return c.correct(shops.credentials(tenantId, shopId), platformOrderId, carrier, trackingNumber);
    }
}
