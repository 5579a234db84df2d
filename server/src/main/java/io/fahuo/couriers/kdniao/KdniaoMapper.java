package io.fahuo.couriers.kdniao;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.TraceEvent;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pure conversion between Fahuo's courier types and Kdniao's JSON. */
public final class KdniaoMapper {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Kdniao writes times as China local time, "yyyy-MM-dd HH:mm:ss". */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What Kdniao answered, before it is judged: the envelope and the whole body. */
    public record Result(boolean success, String resultCode, String reason, JsonNode body) {

        public JsonNode order() {
            return body.path("Order");
        }
    }

    /** A trace push (101/102) as Kdniao sends it. */
    public record Push(String eBusinessId, List<TraceSnapshot> traces) {
    }

    private KdniaoMapper() {
    }

    /**
     * 1007. {@code OrderCode} is Fahuo's key for the parcel (Kdniao answers a repeated OrderCode with the
     * same waybill). {@code IsSubscribe} is 0: Fahuo subscribes every parcel itself (8008), issued or not.
     */
    public static String eOrderRequest(WaybillRequest r, CourierAccount account, Map<String, String> credentials) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OrderCode", r.idempotencyKey());
        m.put("ShipperCode", KdniaoCodes.shipperCode(r.carrier()));
        putIfPresent(m, "CustomerName", credentials.get("CustomerName"));
        putIfPresent(m, "CustomerPwd", credentials.get("CustomerPwd"));
        putIfPresent(m, "MonthCode", account.monthlyAccount());
        putIfPresent(m, "SendSite", credentials.get("SendSite"));
        m.put("PayType", account.payType());
        m.put("ExpType", 1);
        m.put("Sender", party(r.sender()));
        m.put("Receiver", party(r.receiver()));
        m.put("Commodity", commodities(r.items()));
        m.put("Quantity", r.packages());
        m.put("Weight", BigDecimal.valueOf(Math.max(r.weightGrams(), 1)).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP));
        putIfPresent(m, "Remark", r.remark());
        m.put("IsReturnPrintTemplate", 0);
        m.put("IsSubscribe", 0);
        return JSON.writeValueAsString(m);
    }

    /** 1147. */
    public static String cancelRequest(Carrier carrier, String orderCode, String trackingNumber, Map<String, String> credentials) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ShipperCode", KdniaoCodes.shipperCode(carrier));
        m.put("OrderCode", orderCode);
        m.put("ExpNo", trackingNumber);
        putIfPresent(m, "CustomerName", credentials.get("CustomerName"));
        putIfPresent(m, "CustomerPwd", credentials.get("CustomerPwd"));
        return JSON.writeValueAsString(m);
    }

    /** 1127: the numbers left on the e-waybill customer account at its branch. */
    public static String balanceRequest(Carrier carrier, Map<String, String> credentials) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ShipperCode", KdniaoCodes.shipperCode(carrier));
        putIfPresent(m, "CustomerName", credentials.get("CustomerName"));
        putIfPresent(m, "CustomerPwd", credentials.get("CustomerPwd"));
        putIfPresent(m, "StationCode", credentials.get("StationCode"));
        putIfPresent(m, "StationName", credentials.get("StationName"));
        return JSON.writeValueAsString(m);
    }

    /**
     * 1002 / 8001, and the body of 1008 / 8008. For SF, Kdniao wants the last four digits of the sender's or
     * receiver's phone in {@code CustomerName}; for other carriers the field must stay empty.
     */
    public static String traceRequest(TraceQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "OrderCode", q.orderCode());
        m.put("ShipperCode", KdniaoCodes.shipperCode(q.carrier()));
        m.put("LogisticCode", q.trackingNumber());
        if (q.carrier() == Carrier.SF) {
            putIfPresent(m, "CustomerName", q.phoneTail());
        }
        return JSON.writeValueAsString(m);
    }

    public static Result result(String body) {
        JsonNode root = JSON.readTree(body);
        if (!root.isObject()) {
            throw new IllegalArgumentException("not a Kdniao answer");
        }
        return new Result(root.path("Success").asBoolean(false), text(root, "ResultCode"), text(root, "Reason"), root);
    }

    public static IssuedWaybill waybill(Result result) {
        JsonNode order = result.order();
        return new IssuedWaybill(KdniaoCodes.carrier(text(order, "ShipperCode")), text(order, "LogisticCode"),
                text(order, "MarkDestination"), text(order, "SortingCode"), text(order, "PackageName"),
                subOrders(result.body().path("SubOrders")));
    }

    /** Sub-parcel numbers of a 子母件 waybill: a JSON array, or the numbers in one comma-separated string. */
    private static List<String> subOrders(JsonNode node) {
        if (node.isArray()) {
            return node.valueStream().map(n -> n.isString() ? n.stringValue() : n.toString()).filter(s -> !s.isBlank()).toList();
        }
        if (node.isString() && !node.stringValue().isBlank()) {
            return Arrays.stream(node.stringValue().replaceAll("[\\[\\]\"]", "").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }

    /** 1127 answer: {@code EorderBalance{AvailableNum, TotalNum}}. */
    public static WaybillBalance balance(Result result) {
        JsonNode b = result.body().path("EorderBalance");
        if (!b.path("AvailableNum").isNumber() && !b.path("AvailableNum").isString()) {
            throw new IllegalArgumentException("Kdniao 1127 answer has no EorderBalance.AvailableNum");
        }
        JsonNode total = b.path("TotalNum");
        return new WaybillBalance(b.path("AvailableNum").asInt(), total.isMissingNode() || total.isNull() ? null : total.asInt());
    }

    /**
     * A 1002/8001 answer or one item of a 101/102 push. Each line keeps its own {@code Action} code when
     * Kdniao sends one (在途监控); without it the newest line carries the parcel's overall StateEx/State.
     */
    public static TraceSnapshot trace(JsonNode t) {
        Carrier carrier = KdniaoCodes.carrier(text(t, "ShipperCode"));
        String overallCode = Optional.ofNullable(text(t, "StateEx")).filter(s -> !s.isBlank()).orElse(text(t, "State"));
        ParcelState overall = KdniaoCodes.state(overallCode).orElse(null);
        List<JsonNode> lines = t.path("Traces").isArray() ? t.path("Traces").valueStream().toList() : List.of();
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String action = text(line, "Action");
            boolean newest = i == lines.size() - 1;
            String code = action != null && !action.isBlank() ? action : newest ? overallCode : null;
            events.add(new TraceEvent(time(text(line, "AcceptTime")), text(line, "Location"), text(line, "AcceptStation"),
                    code, KdniaoCodes.state(code).orElse(null)));
        }
        return new TraceSnapshot(carrier, text(t, "LogisticCode"), events, overall);
    }

    /** RequestData of a 101/102 push; items for carriers Fahuo does not know are left out. */
    public static Push push(String requestData) {
        JsonNode root = JSON.readTree(requestData);
        if (!root.isObject() || !root.path("Data").isArray()) {
            throw new IllegalArgumentException("a Kdniao push carries EBusinessID and Data[]");
        }
        List<TraceSnapshot> traces = root.path("Data").valueStream()
                .filter(d -> KdniaoCodes.findCarrier(text(d, "ShipperCode")).isPresent())
                .map(KdniaoMapper::trace).toList();
        return new Push(text(root, "EBusinessID"), traces);
    }

    /** The reply Kdniao expects to a push: {@code {EBusinessID, UpdateTime, Success, Reason}}. */
    public static String pushReply(String eBusinessId, Instant now, boolean success, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EBusinessID", eBusinessId == null ? "" : eBusinessId);
        m.put("UpdateTime", TIME.format(now.atZone(CHINA)));
        m.put("Success", success);
        m.put("Reason", reason == null ? "" : reason);
        return JSON.writeValueAsString(m);
    }

    static Instant time(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("a trace line without AcceptTime");
        }
        return LocalDateTime.parse(s.strip(), TIME).atZone(CHINA).toInstant();
    }

    private static Map<String, Object> party(Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "Company", p.company());
        m.put("Name", p.name());
        m.put("Mobile", p.phone());
        m.put("ProvinceName", p.province());
        m.put("CityName", p.city());
        m.put("ExpAreaName", p.district());
        m.put("Address", p.address());
        return m;
    }

    private static List<Map<String, Object>> commodities(List<ParcelItem> items) {
        return items.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("GoodsName", i.name());
            putIfPresent(m, "GoodsCode", i.code());
            m.put("Goodsquantity", i.quantity());
            return m;
        }).toList();
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.stringValue() : v.toString();
    }
}
