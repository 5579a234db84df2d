package io.fahuo.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Credentials and behaviour of the simulated platforms. Fahuo's demo shop and courier accounts use the same values. */
@ConfigurationProperties("fahuo.sim")
public record SimProperties(@DefaultValue("false") boolean enabled, @DefaultValue Doudian doudian, @DefaultValue Kdniao kdniao,
                            @DefaultValue Sf sf, @DefaultValue Parcels parcels) {

    /**
     * {@code pushUrl}: where order messages are pushed (the URL set in the app's message subscription); empty
     * means this server's {@code /webhooks/doudian}; "off" pushes nothing. {@code changeEvery}: in the demo, one
     * in this many new orders later gets an address change or a refund request (0 = never).
     */
    public record Doudian(@DefaultValue("7000000000000000001") String appKey,
                          @DefaultValue("demo-doudian-secret-please-change") String appSecret,
                          @DefaultValue("4463798") String shopId,
                          @DefaultValue("0") int trickleSeconds,
                          @DefaultValue("0") int initialOrders,
                          @DefaultValue("") String pushUrl,
                          @DefaultValue("0") int changeEvery) {
    }

    /**
     * {@code pushUrl}: where trace pushes go (the URL a Kdniao account registers); empty means this server's
     * {@code /webhooks/kdniao}. {@code initialBalance}: e-waybill numbers each customer account starts with.
     */
    public record Kdniao(@DefaultValue("1237100") String eBusinessId,
                         @DefaultValue("demo-kdniao-appkey-0c2f") String appKey,
                         @DefaultValue("") String pushUrl,
                         @DefaultValue("100000") int initialBalance) {
    }

    /** {@code pushUrl}: where route pushes go (set in the 丰桥 console); empty means this server's {@code /webhooks/sf}. */
    public record Sf(@DefaultValue("FAHUO_DEMO") String partnerId,
                     @DefaultValue("demo-sf-checkword-7d1e") String checkWord,
                     @DefaultValue("") String pushUrl) {
    }

    /**
     * The simulated carriers' parcels. {@code speed}: simulated journey time runs this many times faster than
     * the clock (the demo sets it high so parcels arrive within minutes; tests keep 1 and move the clock).
     * The rates pick a journey's fate at random for parcels no test has given one.
     */
    public record Parcels(@DefaultValue("1") double speed,
                          @DefaultValue("0") double stallRate,
                          @DefaultValue("0") double lossRate,
                          @DefaultValue("0") double returnRate,
                          @DefaultValue("PT1S") Duration tick) {
    }
}
