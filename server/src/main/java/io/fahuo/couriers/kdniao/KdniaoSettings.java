package io.fahuo.couriers.kdniao;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connector-wide settings; per-account credentials (EBusinessID, AppKey, CustomerName…) come from the account.
 * {@code monitor}: use Kdniao's 在途监控 services (8001 query, 8008 subscribe, 102 push), whose trace lines
 * carry their own state codes; false uses the basic ones (1002, 1008, 101).
 */
@ConfigurationProperties("fahuo.kdniao")
public record KdniaoSettings(@DefaultValue("PT15S") Duration timeout, @DefaultValue("true") boolean monitor) {

    String queryType() {
        return monitor ? KdniaoCodes.TRACK_MONITOR : KdniaoCodes.TRACK;
    }

    String subscribeType() {
        return monitor ? KdniaoCodes.SUBSCRIBE_MONITOR : KdniaoCodes.SUBSCRIBE;
    }
}
