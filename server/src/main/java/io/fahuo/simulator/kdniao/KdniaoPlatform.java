package io.fahuo.simulator.kdniao;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Kdniao e-waybill service: checks EBusinessID and DataSign, validates the 1007 request,
 * issues numbers in each carrier's format, and answers the same OrderCode with the same waybill.
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class KdniaoPlatform {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Issued(String orderCode, String shipperCode, String logisticCode, String markDestination,
                         String sortingCode, String packageName, String receiverCity, Instant at, boolean cancelled) {
    }

    private final SimProperties.Kdniao config;
    private final SimClock clock;
    private final Map<String, Issued> byOrderCode = new ConcurrentHashMap<>();
    private final AtomicInteger issueCalls = new AtomicInteger();
    private volatile double errorRate;

    public KdniaoPlatform(SimProperties properties, SimClock clock) {
        this.config = properties.kdniao();
        this.clock = clock;
    }

    public void setErrorRate(double errorRate) {
        this.errorRate = errorRate;
    }

    public Map<String, Object> handle(Map<String, String> form) {
        String businessId = form.get("EBusinessID");
        String requestType = form.get("RequestType");
        String requestData = form.get("RequestData");
        String dataSign = form.get("DataSign");
        if (blank(businessId) || blank(requestType) || blank(requestData) || blank(dataSign)) {
            return answer(businessId, false, "101", "缺少必要参数 (RequestData, EBusinessID, RequestType, DataSign)");
        }
        if (!config.eBusinessId().equals(businessId)) {
            return answer(businessId, false, "104", "用户ID不存在");
        }
        if (!"2".equals(form.getOrDefault("DataType", "2"))) {
            return answer(businessId, false, "103", "DataType 只支持 2 (JSON)");
        }
        if (!expectedSign(requestData).equals(dataSign)) {
            return answer(businessId, false, "104", "DataSign 签名验证失败");
        }
        JsonNode data;
        try {
            data = JSON.readTree(requestData);
        } catch (RuntimeException e) {
            return answer(businessId, false, "103", "RequestData 不是合法的 JSON");
        }
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            return answer(businessId, false, "105", "系统繁忙,请稍后重试");
        }
        return switch (requestType) {
            case "1007" -> eOrder(businessId, data);
            case "1147" -> cancel(businessId, data);
            default -> answer(businessId, false, "102", "RequestType " + requestType + " 不支持");
        };
    }

    private String expectedSign(String requestData) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((requestData + config.appKey()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : md5) {
                hex.append(String.format("%02x", b));
            }
            return java.util.Base64.getEncoder().encodeToString(hex.toString().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> eOrder(String businessId, JsonNode d) {
        List<String> missing = new ArrayList<>();
        for (String f : List.of("OrderCode", "ShipperCode", "PayType", "Sender", "Receiver", "Commodity")) {
            if (d.path(f).isMissingNode() || d.path(f).isNull()) {
                missing.add(f);
            }
        }
        for (String side : List.of("Sender", "Receiver")) {
            JsonNode p = d.path(side);
            for (String f : List.of("Name", "ProvinceName", "CityName", "Address")) {
                if (text(p, f).isBlank()) {
                    missing.add(side + "." + f);
                }
            }
            if (text(p, "Mobile").isBlank() && text(p, "Tel").isBlank()) {
                missing.add(side + ".Mobile|Tel");
            }
        }
        if (!d.path("Commodity").isArray() || d.path("Commodity").isEmpty() || text(d.path("Commodity").get(0), "GoodsName").isBlank()) {
            missing.add("Commodity[0].GoodsName");
        }
        if (!missing.isEmpty()) {
            return answer(businessId, false, "101", "缺少必填字段: " + String.join(", ", missing));
        }
        String shipper = text(d, "ShipperCode");
        if (!Numbers.known(shipper)) {
            return answer(businessId, false, "102", "ShipperCode " + shipper + " 不支持");
        }
        int payType = d.path("PayType").asInt(0);
        if (payType < 1 || payType > 4) {
            return answer(businessId, false, "102", "PayType 取值 1-4");
        }
        if (payType == 3 && text(d, "CustomerName").isBlank() && text(d, "MonthCode").isBlank()) {
            return answer(businessId, false, "102", "月结需要 CustomerName 或 MonthCode");
        }
        issueCalls.incrementAndGet();
        String orderCode = text(d, "OrderCode");
        JsonNode receiver = d.path("Receiver");
        Issued issued = byOrderCode.computeIfAbsent(shipper + "|" + orderCode, k -> {
            String city = text(receiver, "CityName").replace("市", "");
            String district = text(receiver, "ExpAreaName").replaceAll("[区县市]$", "");
            int h = Math.abs((orderCode + city).hashCode());
            return new Issued(orderCode, shipper, Numbers.next(shipper), city + " " + district + " " + (char) ('A' + h % 8) + String.format("%02d", h % 60),
                    String.format("%03d-%s%02d-%02d", 100 + h % 800, (char) ('A' + h % 26), h % 40, h % 30),
                    text(receiver, "ProvinceName").replaceAll("(省|市|自治区|维吾尔|壮族|回族)", "") + city + "转运中心", city,
                    clock.now(), false);
        });
        if (issued.cancelled()) {
            return answer(businessId, false, "105", "该订单的运单已取消,请使用新的 OrderCode");
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("OrderCode", issued.orderCode());
        order.put("ShipperCode", issued.shipperCode());
        order.put("LogisticCode", issued.logisticCode());
        order.put("MarkDestination", issued.markDestination());
        order.put("OriginCode", "310000");
        order.put("OriginName", "杭州转运中心");
        order.put("DestinatioCode", "000" + (Math.abs(issued.receiverCity().hashCode()) % 1000));
        order.put("DestinatioName", issued.packageName());
        order.put("SortingCode", issued.sortingCode());
        order.put("PackageCode", "P" + (Math.abs(issued.logisticCode().hashCode()) % 100000));
        order.put("PackageName", issued.packageName());
        Map<String, Object> a = answer(businessId, true, "100", "成功");
        a.put("UniquerRequestNumber", java.util.UUID.randomUUID().toString());
        a.put("Order", order);
        return a;
    }

    private Map<String, Object> cancel(String businessId, JsonNode d) {
        String key = text(d, "ShipperCode") + "|" + text(d, "OrderCode");
        Issued issued = byOrderCode.get(key);
        if (issued == null || !issued.logisticCode().equals(text(d, "ExpNo"))) {
            return answer(businessId, false, "102", "运单不存在");
        }
        byOrderCode.put(key, new Issued(issued.orderCode(), issued.shipperCode(), issued.logisticCode(), issued.markDestination(),
                issued.sortingCode(), issued.packageName(), issued.receiverCity(), issued.at(), true));
        return answer(businessId, true, "100", "取消成功");
    }

    public List<Issued> issued() {
        return List.copyOf(byOrderCode.values());
    }

    public int issueCalls() {
        return issueCalls.get();
    }

    public void reset() {
        byOrderCode.clear();
        issueCalls.set(0);
        errorRate = 0;
    }

    private static Map<String, Object> answer(String businessId, boolean success, String code, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EBusinessID", businessId == null ? "" : businessId);
        m.put("Success", success);
        m.put("ResultCode", code);
        m.put("Reason", reason);
        return m;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n == null ? null : n.get(f);
        return v == null || v.isNull() ? "" : v.isString() ? v.stringValue() : v.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
