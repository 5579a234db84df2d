package io.fahuo.platforms.doudian;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.fahuo.orders.domain.PlatformState;
import io.fahuo.shared.Carrier;

/** Codes of the Douyin Open Platform that Fahuo acts on. */
public final class DoudianCodes {

    public static final int OK = 10000;
    public static final int SERVICE_UNAVAILABLE = 20000;
    public static final int TIMEOUT = 20001;
    public static final int RATE_LIMITED = 60000;

    public static final String TOKEN_EXPIRED = "isv.access-token-expired";
    public static final String TOKEN_NOT_FOUND = "isv.access-token-no-existed";
    public static final String TRAFFIC_LIMITED = "isv.traffic-limited";

    /** Business sub-codes of the shipping write-back ({@code isv.business-failed:N}). */
    public static final int CANCELLED = 60021;
    public static final int REFUND_PENDING = 60040;
    public static final int RISK_REVIEW = 60109;
    public static final int ALREADY_SHIPPED = 60110;
    public static final int NO_SUCH_ORDER = 60033;
    public static final int BAD_CARRIER = 60018;

    public static final int MAX_DECRYPT_BATCH = 50;

    private static final Map<Carrier, String> COMPANY_CODES = new EnumMap<>(Map.of(
            Carrier.ZTO, "zhongtong",
            Carrier.YTO, "yuantong",
            Carrier.STO, "shentong",
            Carrier.YUNDA, "yunda",
            Carrier.SF, "shunfeng",
            Carrier.JD, "jd",
            Carrier.JT, "jtexpress",
            Carrier.EMS, "ems",
            Carrier.DEPPON, "debangwuliu"));

    private DoudianCodes() {
    }

    /** The {@code company_code} of order.logisticsCompanyList for a carrier. */
    public static String companyCode(Carrier carrier) {
        return COMPANY_CODES.get(carrier);
    }

    public static Optional<Carrier> carrierOf(String companyCode) {
        return COMPANY_CODES.entrySet().stream().filter(e -> e.getValue().equals(companyCode)).map(Map.Entry::getKey).findFirst();
    }

    public static PlatformState state(int orderStatus) {
        return switch (orderStatus) {
            case 1 -> PlatformState.UNPAID;
            case 105 -> PlatformState.PAID_HELD;
            case 2 -> PlatformState.SHIPPABLE;
            case 101 -> PlatformState.PARTLY_SHIPPED;
            case 3 -> PlatformState.SHIPPED;
            case 4 -> PlatformState.CANCELLED;
            case 5 -> PlatformState.COMPLETED;
            default -> throw new IllegalArgumentException("unknown Douyin order_status " + orderStatus);
        };
    }

    /** The number N of a sub-code {@code isv.business-failed:N}, or -1. */
    public static int businessCode(String subCode) {
        if (subCode == null) {
            return -1;
        }
        int colon = subCode.lastIndexOf(':');
        if (colon < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(subCode.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
