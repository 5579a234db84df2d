package io.fahuo.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Credentials and behaviour of the simulated platforms. Fahuo's demo shop and courier account use the same values. */
@ConfigurationProperties("fahuo.sim")
public record SimProperties(@DefaultValue("false") boolean enabled, @DefaultValue Doudian doudian, @DefaultValue Kdniao kdniao) {

    public record Doudian(@DefaultValue("7000000000000000001") String appKey,
                          @DefaultValue("demo-doudian-secret-please-change") String appSecret,
                          @DefaultValue("4463798") String shopId,
                          @DefaultValue("0") int trickleSeconds,
                          @DefaultValue("0") int initialOrders) {
    }

    public record Kdniao(@DefaultValue("1237100") String eBusinessId,
                         @DefaultValue("demo-kdniao-appkey-0c2f") String appKey) {
    }
}
