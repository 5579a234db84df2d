package io.fahuo.platforms;

import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ShopCredentials;
import io.fahuo.shared.Carrier;

/**
 * A platform's way to replace the tracking number it was told for a shipped order (Douyin
 * {@code order.logisticsEdit}). One implementation per platform that offers it, beside its connector.
 */
public interface ShippingCorrection {

    Platform platform();

    /** Makes the platform show this number for the order; CONFIRMED when it does (now or already). */
    ConfirmationOutcome correct(ShopCredentials shop, String platformOrderId, Carrier carrier, String trackingNumber);
}
