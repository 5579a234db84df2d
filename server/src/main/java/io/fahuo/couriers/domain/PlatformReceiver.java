package io.fahuo.couriers.domain;

/**
 * A receiver as the sales platform protects it, for a courier that takes it that way
 * ({@link CourierCapability#PLATFORM_RECEIVER}): the platform's order and shop ids and its protected form
 * of the receiver as stored on the order (ciphertexts; opaque here, read by the platform's own connector).
 */
public record PlatformReceiver(String platformOrderId, String platformShopId, String protectedForm) {

    @Override
    public String toString() {
        return "PlatformReceiver[order=" + platformOrderId + ", shop=" + platformShopId + "]";
    }
}
