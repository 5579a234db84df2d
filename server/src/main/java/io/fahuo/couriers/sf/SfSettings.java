package io.fahuo.couriers.sf;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connector-wide SF settings; partnerID and checkWord come from the account. {@code expressTypeId}: the
 * product ordered, 1 顺丰特快, 2 顺丰标快.
 */
@ConfigurationProperties("fahuo.sf")
public record SfSettings(@DefaultValue("PT15S") Duration timeout, @DefaultValue("2") int expressTypeId) {
}
