package io.fahuo.couriers.kdniao;

import java.util.EnumMap;
import java.util.Map;

import io.fahuo.shared.Carrier;

/** Kdniao request types, result codes and carrier codes. */
public final class KdniaoCodes {

    public static final String EORDER = "1007";
    public static final String CANCEL = "1147";
    public static final String OK = "100";

    public static final String PATH_EORDER = "/api/EOrderService";

    private static final Map<Carrier, String> SHIPPER_CODES = new EnumMap<>(Map.of(
            Carrier.ZTO, "ZTO",
            Carrier.YTO, "YTO",
            Carrier.STO, "STO",
            Carrier.YUNDA, "YD",
            Carrier.SF, "SF",
            Carrier.JD, "JD",
            Carrier.JT, "JTSD",
            Carrier.EMS, "EMS",
            Carrier.DEPPON, "DBL"));

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
        return SHIPPER_CODES.entrySet().stream().filter(e -> e.getValue().equals(shipperCode)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown Kdniao shipper code " + shipperCode));
    }

    /** 101 missing, 102 validation, 103 format and 104 account errors will not heal by retrying. */
    public static boolean retryable(String resultCode) {
        return !("101".equals(resultCode) || "102".equals(resultCode) || "103".equals(resultCode) || "104".equals(resultCode));
    }
}
