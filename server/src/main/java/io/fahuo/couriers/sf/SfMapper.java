package io.fahuo.couriers.sf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.InterceptRequest;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.TraceEvent;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pure conversion between Fahuo's courier types and SF's JSON. SF nests: the gateway's envelope
 * {@code {apiResultCode, apiErrorMsg, apiResponseID, apiResultData}} carries the service's answer as a JSON
 * <em>string</em> {@code {success, errorCode, errorMsg, msgData}}.
 */
public final class SfMapper {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The gateway's envelope and, when the gateway took the call, the service's answer inside it. */
    public record Answer(String apiResultCode, String apiErrorMsg, boolean success, String errorCode, String errorMsg, JsonNode msgData) {

        public boolean gatewayOk() {
            return SfCodes.API_OK.equals(apiResultCode);
        }
    }

    private SfMapper() {
    }

    /**
     * EXP_RECE_CREATE_ORDER. {@code orderId} is Fahuo's key for the parcel: SF refuses a second order with
     * it (8016), and the existing one is then looked up. Pay types map to SF's payMethod (1 sender, 2
     * receiver, 3 third party); a monthly account is the sender paying through {@code monthlyCard}.
     */
    public static String createOrderRequest(WaybillRequest r, CourierAccount account, int expressTypeId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", "zh-CN");
        m.put("orderId", r.idempotencyKey());
        m.put("cargoDetails", cargo(r.items()));
        m.put("contactInfoList", List.of(contact(1, r.sender()), contact(2, r.receiver())));
        putIfPresent(m, "monthlyCard", account.monthlyAccount());
        m.put("payMethod", payMethod(account.payType()));
        m.put("expressTypeId", expressTypeId);
        m.put("parcelQty", r.packages());
        m.put("totalWeight", BigDecimal.valueOf(Math.max(r.weightGrams(), 1)).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP));
        putIfPresent(m, "remark", r.remark());
        m.put("isReturnRoutelabel", 1);
        return JSON.writeValueAsString(m);
    }

    /** EXP_RECE_SEARCH_ORDER_RESP: the order (and its waybill) created earlier with this orderId. */
    public static String searchOrderRequest(String orderId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", orderId);
        m.put("searchType", "1");
        m.put("language", "zh-CN");
        return JSON.writeValueAsString(m);
    }

    /** EXP_RECE_UPDATE_ORDER with dealType 2: cancel the order and its waybill (消单). */
    public static String cancelOrderRequest(String orderId, String waybillNo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", orderId);
        m.put("dealType", SfCodes.DEAL_CANCEL);
        m.put("language", "zh-CN");
        if (waybillNo != null) {
            m.put("waybillNoInfoList", List.of(Map.of("waybillType", 1, "waybillNo", waybillNo)));
        }
        return JSON.writeValueAsString(m);
    }

    /** EXP_RECE_SEARCH_ROUTES by waybill number (trackingType 1), all routes (methodType 1). */
    public static String searchRoutesRequest(TraceQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", "0");
        m.put("trackingType", "1");
        m.put("trackingNumber", List.of(q.trackingNumber()));
        m.put("methodType", "1");
        putIfPresent(m, "checkPhoneNo", q.phoneTail());
        return JSON.writeValueAsString(m);
    }

    /** EXP_RECE_WANTED_INTERCEPT: return to the sender (serviceCode 2), asked by the sender (role 1). */
    public static String interceptRequest(InterceptRequest r, CourierAccount account) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("waybillNo", r.trackingNumber());
        m.put("serviceCode", SfCodes.INTERCEPT_RETURN);
        m.put("role", SfCodes.ROLE_SENDER);
        boolean monthly = account.monthlyAccount() != null && !account.monthlyAccount().isBlank();
        m.put("payMode", monthly ? SfCodes.PAY_SENDER_MONTHLY : SfCodes.PAY_SENDER_CASH);
        putIfPresent(m, "monthlyCardNo", account.monthlyAccount());
        Party to = r.returnTo();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("province", to.province());
        address.put("city", to.city());
        address.put("county", to.district());
        address.put("address", to.address());
        address.put("contact", to.name());
        address.put("phone", to.phone());
        m.put("newDestAddress", address);
        return JSON.writeValueAsString(m);
    }

    public static Answer answer(String body) {
        JsonNode root = JSON.readTree(body);
        if (!root.isObject() || !root.has("apiResultCode")) {
            throw new IllegalArgumentException("not an SF gateway answer");
        }
        String apiCode = text(root, "apiResultCode");
        String data = text(root, "apiResultData");
        if (!SfCodes.API_OK.equals(apiCode) || data == null || data.isBlank()) {
            return new Answer(apiCode, text(root, "apiErrorMsg"), false, null, null, null);
        }
        JsonNode inner = JSON.readTree(data);
        return new Answer(apiCode, text(root, "apiErrorMsg"), inner.path("success").asBoolean(false), text(inner, "errorCode"),
                text(inner, "errorMsg"), inner.path("msgData"));
    }

    /** The waybill of a created (or looked-up) order: waybillType 1 is the master number, 2 the sub-parcels. */
    public static IssuedWaybill waybill(JsonNode msgData) {
        String master = null;
        List<String> subs = new ArrayList<>();
        for (JsonNode w : msgData.path("waybillNoInfoList").valueStream().toList()) {
            if (w.path("waybillType").asInt(1) == 1 && master == null) {
                master = text(w, "waybillNo");
            } else {
                subs.add(text(w, "waybillNo"));
            }
        }
        JsonNode label = msgData.path("routeLabelInfo").isArray() && !msgData.path("routeLabelInfo").isEmpty()
                ? msgData.path("routeLabelInfo").get(0).path("routeLabelData") : null;
        String sorting = label == null ? null : firstPresent(text(label, "codingMapping"), text(label, "destTeamCode"));
        return new IssuedWaybill(Carrier.SF, master, label == null ? null : text(label, "destRouteLabel"), sorting,
                label == null ? null : emptyToNull(text(label, "destTransferCode")), subs);
    }

    public static boolean cancelled(JsonNode msgData) {
        return msgData.path("resStatus").asInt(0) == SfCodes.UPDATE_DONE;
    }

    /** The routes of one waybill from EXP_RECE_SEARCH_ROUTES; an empty list when SF knows none. */
    public static TraceSnapshot routes(JsonNode msgData, String waybillNo) {
        JsonNode resp = msgData.path("routeResps").valueStream()
                .filter(r -> waybillNo.equals(text(r, "mailNo"))).findFirst().orElse(null);
        List<TraceEvent> events = resp == null ? List.of() : resp.path("routes").valueStream()
                .map(r -> event(text(r, "acceptTime"), text(r, "acceptAddress"), text(r, "remark"), text(r, "opCode"))).toList();
        return new TraceSnapshot(Carrier.SF, waybillNo, events, null);
    }

    /** A route push: {@code {"Body":{"WaybillRoute":[{mailno, acceptTime, acceptAddress, remark, opCode, …}]}}}. */
    public static List<TraceSnapshot> routePush(String body) {
        JsonNode routes = JSON.readTree(body).path("Body").path("WaybillRoute");
        if (!routes.isArray()) {
            throw new IllegalArgumentException("a route push carries Body.WaybillRoute[]");
        }
        Map<String, List<TraceEvent>> byWaybill = new LinkedHashMap<>();
        for (JsonNode r : routes.valueStream().toList()) {
            byWaybill.computeIfAbsent(text(r, "mailno"), k -> new ArrayList<>())
                    .add(event(text(r, "acceptTime"), text(r, "acceptAddress"), text(r, "remark"), text(r, "opCode")));
        }
        return byWaybill.entrySet().stream().map(e -> new TraceSnapshot(Carrier.SF, e.getKey(), e.getValue(), null)).toList();
    }

    public static String pushReply(boolean ok, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("return_code", ok ? SfCodes.PUSH_OK : SfCodes.PUSH_FAILED);
        m.put("return_msg", ok ? "成功" : message);
        return JSON.writeValueAsString(m);
    }

    private static TraceEvent event(String acceptTime, String place, String remark, String opCode) {
        if (acceptTime == null || acceptTime.isBlank()) {
            throw new IllegalArgumentException("a route without acceptTime");
        }
        Instant at = LocalDateTime.parse(acceptTime.strip(), TIME).atZone(CHINA).toInstant();
        return new TraceEvent(at, place, remark, opCode, SfCodes.state(opCode).orElse(null));
    }

    private static int payMethod(int payType) {
        return switch (payType) {
            case 2 -> 2;
            case 4 -> 3;
            default -> 1;
        };
    }

    private static Map<String, Object> contact(int type, Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contactType", type);
        putIfPresent(m, "company", p.company());
        m.put("contact", p.name());
        m.put("mobile", p.phone());
        m.put("country", "CN");
        m.put("province", p.province());
        m.put("city", p.city());
        m.put("county", p.district());
        m.put("address", p.address());
        return m;
    }

    private static List<Map<String, Object>> cargo(List<ParcelItem> items) {
        return items.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("count", i.quantity());
            m.put("unit", "件");
            return m;
        }).toList();
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static String firstPresent(String a, String b) {
        return a != null && !a.isBlank() ? a : emptyToNull(b);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.stringValue() : v.toString();
    }
}
