package io.fahuo.couriers.kdniao;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pure conversion between Fahuo's waybill types and Kdniao's JSON. */
public final class KdniaoMapper {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What Kdniao answered, before it is judged. */
    public record Result(boolean success, String resultCode, String reason, JsonNode order) {
    }

    private KdniaoMapper() {
    }

    public static String eOrderRequest(WaybillRequest r, Map<String, String> credentials, int payType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OrderCode", r.idempotencyKey());
        m.put("ShipperCode", KdniaoCodes.shipperCode(r.carrier()));
        putIfPresent(m, "CustomerName", credentials.get("CustomerName"));
        putIfPresent(m, "CustomerPwd", credentials.get("CustomerPwd"));
        putIfPresent(m, "MonthCode", credentials.get("MonthCode"));
        putIfPresent(m, "SendSite", credentials.get("SendSite"));
        m.put("PayType", payType);
        m.put("ExpType", 1);
        m.put("Sender", party(r.sender()));
        m.put("Receiver", party(r.receiver()));
        m.put("Commodity", commodities(r.items()));
        m.put("Quantity", 1);
        m.put("Weight", BigDecimal.valueOf(Math.max(r.weightGrams(), 1)).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP));
        putIfPresent(m, "Remark", r.remark());
        m.put("IsReturnPrintTemplate", 0);
        return JSON.writeValueAsString(m);
    }

    public static String cancelRequest(Carrier carrier, String orderCode, String trackingNumber, Map<String, String> credentials) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ShipperCode", KdniaoCodes.shipperCode(carrier));
        m.put("OrderCode", orderCode);
        m.put("ExpNo", trackingNumber);
        putIfPresent(m, "CustomerName", credentials.get("CustomerName"));
        putIfPresent(m, "CustomerPwd", credentials.get("CustomerPwd"));
        return JSON.writeValueAsString(m);
    }

    public static Result result(String body) {
        JsonNode root = JSON.readTree(body);
        if (!root.isObject()) {
            throw new IllegalArgumentException("not a Kdniao answer");
        }
        return new Result(root.path("Success").asBoolean(false), text(root, "ResultCode"), text(root, "Reason"), root.path("Order"));
    }

    public static IssuedWaybill waybill(JsonNode order) {
        return new IssuedWaybill(KdniaoCodes.carrier(text(order, "ShipperCode")), text(order, "LogisticCode"),
                text(order, "MarkDestination"), text(order, "SortingCode"), text(order, "PackageName"));
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
