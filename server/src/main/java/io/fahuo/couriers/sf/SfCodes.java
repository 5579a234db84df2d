package io.fahuo.couriers.sf;

import java.util.Map;
import java.util.Optional;

import io.fahuo.couriers.domain.ParcelState;

/** SF Express (丰桥) service codes, result codes and route operation codes. */
public final class SfCodes {

    public static final String CREATE_ORDER = "EXP_RECE_CREATE_ORDER";
    public static final String SEARCH_ORDER = "EXP_RECE_SEARCH_ORDER_RESP";
    public static final String UPDATE_ORDER = "EXP_RECE_UPDATE_ORDER";
    public static final String SEARCH_ROUTES = "EXP_RECE_SEARCH_ROUTES";
    public static final String INTERCEPT = "EXP_RECE_WANTED_INTERCEPT";

    public static final String PATH = "/std/service";

    /** The gateway took the call ({@code apiResultCode}); anything else is an A-code error of the gateway. */
    public static final String API_OK = "A1000";
    /** The service did what was asked ({@code errorCode} inside {@code apiResultData}). */
    public static final String OK = "S0000";
    /** 重复下单: an order with this orderId exists; its waybill is fetched with EXP_RECE_SEARCH_ORDER_RESP. */
    public static final String DUPLICATE_ORDER = "8016";
    /** EXP_RECE_UPDATE_ORDER {@code resStatus}: 2 done (1: order and waybill do not match). */
    public static final int UPDATE_DONE = 2;
    /** dealType of EXP_RECE_UPDATE_ORDER that cancels (消单). */
    public static final int DEAL_CANCEL = 2;
    /** WANTED_INTERCEPT serviceCode "2": send back to the sender (退回); role "1": asked by the sender. */
    public static final String INTERCEPT_RETURN = "2";
    public static final String ROLE_SENDER = "1";
    /** WANTED_INTERCEPT payMode: "4" sender's monthly account, "1" sender pays cash. */
    public static final String PAY_SENDER_MONTHLY = "4";
    public static final String PAY_SENDER_CASH = "1";
    /** Route push answers. */
    public static final String PUSH_OK = "0000";
    public static final String PUSH_FAILED = "1000";

    /**
     * Route operation codes seen in public SF route data (SF publishes no full table): 50/54 collected;
     * 30 sorted, 31 arrived, 36 left, 3036/501/407 in transit; 44 out for delivery; 80/8000 signed;
     * 33/70 delivery problem; 99 on its way back to the sender.
     */
    private static final Map<String, ParcelState> OP_CODES = Map.ofEntries(
            Map.entry("50", ParcelState.COLLECTED), Map.entry("54", ParcelState.COLLECTED),
            Map.entry("30", ParcelState.IN_TRANSIT), Map.entry("31", ParcelState.IN_TRANSIT), Map.entry("36", ParcelState.IN_TRANSIT),
            Map.entry("3036", ParcelState.IN_TRANSIT), Map.entry("501", ParcelState.IN_TRANSIT), Map.entry("407", ParcelState.IN_TRANSIT),
            Map.entry("44", ParcelState.OUT_FOR_DELIVERY),
            Map.entry("80", ParcelState.DELIVERED), Map.entry("8000", ParcelState.DELIVERED),
            Map.entry("33", ParcelState.EXCEPTION), Map.entry("70", ParcelState.EXCEPTION),
            Map.entry("99", ParcelState.RETURNING));

    private SfCodes() {
    }

    public static Optional<ParcelState> state(String opCode) {
        return Optional.ofNullable(opCode == null ? null : OP_CODES.get(opCode.strip()));
    }

    /**
     * Gateway errors that will not heal by retrying: A1001 missing parameter, A1004 no permission for the
     * service, A1006 bad digital signature. Others (A1002 expired, A1005 throttled, A1009/A1099 service
     * down) may.
     */
    public static boolean retryableApiCode(String apiResultCode) {
        return !("A1001".equals(apiResultCode) || "A1004".equals(apiResultCode) || "A1006".equals(apiResultCode));
    }

    /** SF's S-code success aside, its numeric business codes (8xxx) refuse the data; only a system error heals. */
    public static boolean retryableErrorCode(String errorCode) {
        return errorCode == null || errorCode.startsWith("S");
    }
}
