package io.fahuo.couriers.kdniao;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.shared.Carrier;

/** Kdniao request types, paths, result codes, carrier codes and trace states. */
public final class KdniaoCodes {

    public static final String EORDER = "1007";
    public static final String CANCEL = "1147";
    public static final String BALANCE = "1127";
    public static final String TRACK = "1002";
    public static final String TRACK_MONITOR = "8001";
    public static final String SUBSCRIBE = "1008";
    public static final String SUBSCRIBE_MONITOR = "8008";
    public static final String PUSH = "101";
    public static final String PUSH_MONITOR = "102";
    public static final String OK = "100";

    /** e-waybill, cancel, balance. */
    public static final String PATH_EORDER = "/api/EOrderService";
    /** Instant trace query (1002, 8001). */
    public static final String PATH_QUERY = "/Ebusiness/EbusinessOrderHandle.aspx";
    /** Subscriptions (1008, 8008). */
    public static final String PATH_SUBSCRIBE = "/api/dist";

    private static final Map<Carrier, String> SHIPPER_CODES = new EnumMap<>(Map.of(
            Carrier.ZTO, "ZTO",
            Carrier.YTO, "YTO",
            Carrier.STO, "STO",
            Carrier.YUNDA, "YD",
            Carrier.SF, "SF",
            Carrier.JD, "JD",
            Carrier.JT, "JTSD",
            Carrier.EMS, "EMS",
            Carrier.DEPPON, "DBL",
            Carrier.UPS, "UPS"));

    /**
     * Trace states as Kdniao reports them (State 0–4 and the finer StateEx/Action codes of the 在途监控
     * services): 1 collected, 10 awaiting pickup; 2 in transit, 201 arrived in the destination city;
     * 202 out for delivery, 211 in a locker or station; 3/301/302/304/311 signed; 4/401–403/405/412 problems;
     * 404 refused (going back), 407 return not yet signed, 406 return signed; 413 intercepted.
     */
    private static final Map<String, ParcelState> STATES = Map.ofEntries(
            Map.entry("1", ParcelState.COLLECTED), Map.entry("10", ParcelState.AWAITING_PICKUP),
            Map.entry("2", ParcelState.IN_TRANSIT), Map.entry("201", ParcelState.IN_TRANSIT),
            Map.entry("202", ParcelState.OUT_FOR_DELIVERY), Map.entry("211", ParcelState.OUT_FOR_DELIVERY),
            Map.entry("3", ParcelState.DELIVERED), Map.entry("301", ParcelState.DELIVERED), Map.entry("302", ParcelState.DELIVERED),
            Map.entry("304", ParcelState.DELIVERED), Map.entry("311", ParcelState.DELIVERED),
            Map.entry("4", ParcelState.EXCEPTION), Map.entry("401", ParcelState.EXCEPTION), Map.entry("402", ParcelState.EXCEPTION),
            Map.entry("403", ParcelState.EXCEPTION), Map.entry("405", ParcelState.EXCEPTION), Map.entry("412", ParcelState.EXCEPTION),
            Map.entry("404", ParcelState.RETURNING), Map.entry("407", ParcelState.RETURNING),
            Map.entry("406", ParcelState.RETURNED),
            Map.entry("413", ParcelState.INTERCEPTED));

    private KdniaoCodes() {
    }

    public static String shipperCode(Carrier carrier) {
        String code = SHIPPER_CODES.get(carrier);
        if (code == null) {
            throw new IllegalArgumentException("Kdniao has no shipper code for " + carrier);
        }
        return code;
    }

    public static Carrier carrier(String shipperCode) {
        return findCarrier(shipperCode).orElseThrow(() -> new IllegalArgumentException("unknown Kdniao shipper code " + shipperCode));
    }

    static Optional<Carrier> findCarrier(String shipperCode) {
        return SHIPPER_CODES.entrySet().stream().filter(e -> e.getValue().equals(shipperCode)).map(Map.Entry::getKey).findFirst();
    }

    static java.util.Set<Carrier> carriers() {
        return SHIPPER_CODES.keySet();
    }

    /** The state a Kdniao State/StateEx/Action code means; empty for 0 (no trace) and codes it does not know. */
    public static Optional<ParcelState> state(String code) {
        return Optional.ofNullable(code == null ? null : STATES.get(code.strip()));
    }

    /** 101 missing, 102 validation, 103 format and 104 account errors will not heal by retrying. */
    public static boolean retryable(String resultCode) {
        return !("101".equals(resultCode) || "102".equals(resultCode) || "103".equals(resultCode) || "104".equals(resultCode));
    }
}
