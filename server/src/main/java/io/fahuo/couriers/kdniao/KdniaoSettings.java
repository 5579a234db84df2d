package io.fahuo.couriers.kdniao;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Connector-wide settings; per-account credentials (EBusinessID, AppKey, CustomerName…) come from the account. */
@ConfigurationProperties("fahuo.kdniao")
public record KdniaoSettings(@DefaultValue("PT15S") Duration timeout) {
}
