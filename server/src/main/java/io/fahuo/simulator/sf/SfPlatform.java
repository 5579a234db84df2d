package io.fahuo.simulator.sf;

import static io.fahuo.simulator.SimJson.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;
import io.fahuo.simulator.parcels.Journey;
import io.fahuo.simulator.parcels.ParcelJourneys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated SF 丰桥 gateway: checks partnerID, timestamp and msgDigest, answers in SF's nested envelope
 * (the service's answer is a JSON string inside {@code apiResultData}), refuses a second order with the same
 * orderId (8016) and finds it with EXP_RECE_SEARCH_ORDER_RESP, cancels only parcels not collected yet,
 * intercepts parcels on their way, and answers routes for its own waybills (others need the sender's phone).
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class SfPlatform {

    static final String PATH = "/std/service";
    private static final Set<String> SERVICES = Set.of("EXP_RECE_CREATE_ORDER", "EXP_RECE_SEARCH_ORDER_RESP", "EXP_RECE_UPDATE_ORDER",
            "EXP_RECE_SEARCH_ROUTES", "EXP_RECE_WANTED_INTERCEPT");
    private static final Duration MAX_SKEW = Duration.ofMinutes(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Order(String orderId, String waybillNo, List<String> subWaybillNos, String destCity, Instant at, boolean cancelled) {
    }

    private final SimProperties.Sf config;
    private final SimClock clock;
    private final ParcelJourneys parcels;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    public SfPlatform(SimProperties properties, SimClock clock, ParcelJourneys parcels) {
        this.config = properties.sf();
        this.clock = clock;
        this.parcels = parcels;
    }

    public Map<String, Object> handle(Map<String, String> form) {
        List<String> missing = new ArrayList<>();
        for (String f : List.of("partnerID", "requestID", "serviceCode", "timestamp", "msgDigest", "msgData")) {
            if (form.get(f) == null || form.get(f).isBlank()) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            return gateway("A1001", "必传参数不可为空: " + String.join(", ", missing));
        }
        if (!config.partnerId().equals(form.get("partnerID"))) {
            return gateway("A1004", "无对应服务权限 (partnerID " + form.get("partnerID") + ")");
        }
        if (!SERVICES.contains(form.get("serviceCode"))) {
            return gateway("A1004", "无对应服务权限 (serviceCode " + form.get("serviceCode") + ")");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(form.get("timestamp"));
        } catch (NumberFormatException e) {
            return gateway("A1001", "timestamp 须为毫秒数");
        }
        if (Duration.between(Instant.ofEpochMilli(timestamp), clock.now()).abs().compareTo(MAX_SKEW) > 0) {
            return gateway("A1002", "请求时效已过期");
        }
        if (!digest(form.get("msgData"), form.get("timestamp")).equals(form.get("msgDigest"))) {
            return gateway("A1006", "数字签名无效");
        }
        JsonNode data;
        try {
            data = JSON.readTree(form.get("msgData"));
        } catch (RuntimeException e) {
            return service(false, "1010", "msgData 不是合法的 JSON", null);
        }
        return switch (form.get("serviceCode")) {
            case "EXP_RECE_CREATE_ORDER" -> create(data);
            case "EXP_RECE_SEARCH_ORDER_RESP" -> search(data);
            case "EXP_RECE_UPDATE_ORDER" -> update(data);
            case "EXP_RECE_SEARCH_ROUTES" -> routes(data);
            default -> intercept(data);
        };
    }

    /** SF's msgDigest: base64 of the raw MD5 of URLEncoder.encode(msgData + timestamp + checkWord, UTF-8). */
    String digest(String msgData, String timestamp) {
        try {
            String encoded = URLEncoder.encode(msgData + timestamp + config.checkWord(), StandardCharsets.UTF_8);
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(encoded.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> create(JsonNode d) {
        String orderId = text(d, "orderId");
        JsonNode sender = contact(d, 1);
        JsonNode receiver = contact(d, 2);
        List<String> missing = new ArrayList<>();
        if (orderId.isBlank()) {
            missing.add("orderId");
        }
        if (sender == null || receiver == null) {
            missing.add("contactInfoList (contactType 1 and 2)");
        } else {
            for (JsonNode c : List.of(sender, receiver)) {
                for (String f : List.of("contact", "province", "city", "address")) {
                    if (text(c, f).isBlank()) {
                        missing.add("contactType " + text(c, "contactType") + "." + f);
                    }
                }
                if (text(c, "mobile").isBlank() && text(c, "tel").isBlank()) {
                    missing.add("contactType " + text(c, "contactType") + ".mobile|tel");
                }
            }
        }
        if (!d.path("cargoDetails").isArray() || d.path("cargoDetails").isEmpty() || text(d.path("cargoDetails").get(0), "name").isBlank()) {
            missing.add("cargoDetails[0].name");
        }
        if (!missing.isEmpty()) {
            return service(false, "1010", "必填字段为空: " + String.join(", ", missing), null);
        }
        int payMethod = d.path("payMethod").asInt(1);
        if (payMethod == 1 && text(d, "monthlyCard").isBlank()) {
            return service(false, "8196", "寄付月结须填写月结卡号 monthlyCard", null);
        }
        int parcelQty = d.path("parcelQty").asInt(1);
        if (parcelQty < 1 || parcelQty > 20) {
            return service(false, "1010", "parcelQty 取值 1-20", null);
        }
        if (parcelQty > 1 && d.path("totalWeight").asDouble(0) <= 6) {
            return service(false, "8114", "子母件 totalWeight 须大于 6kg", null);
        }
        if (orders.containsKey(orderId)) {
            return service(false, "8016", "重复下单", null);
        }
        String destCity = text(receiver, "city").replace("市", "");
        List<String> subs = new ArrayList<>();
        for (int i = 1; i < parcelQty; i++) {
            subs.add(number());
        }
        Order order = new Order(orderId, number(), subs, destCity, clock.now(), false);
        if (orders.putIfAbsent(orderId, order) != null) {
            return service(false, "8016", "重复下单", null);
        }
        parcels.start(owner(), "SF", order.waybillNo(), text(sender, "mobile"), text(sender, "city"), destCity, null);
        return service(true, "S0000", null, orderData(order, true));
    }

    private Map<String, Object> search(JsonNode d) {
        Order order = orders.get(text(d, "orderId"));
        if (order == null) {
            return service(false, "8018", "未获取到订单信息", null);
        }
        return service(true, "S0000", null, orderData(order, false));
    }

    private Map<String, Object> update(JsonNode d) {
        Order order = orders.get(text(d, "orderId"));
        if (order == null) {
            return service(false, "8018", "未获取到订单信息", null);
        }
        if (d.path("dealType").asInt(0) != 2) {
            return service(false, "1010", "dealType 仅支持 2 (取消)", null);
        }
        JsonNode listed = d.path("waybillNoInfoList");
        boolean matches = !listed.isArray() || listed.isEmpty()
                || listed.valueStream().anyMatch(w -> order.waybillNo().equals(text(w, "waybillNo")));
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("orderId", order.orderId());
        msg.put("waybillNoInfoList", List.of(Map.of("waybillType", 1, "waybillNo", order.waybillNo())));
        if (!matches) {
            msg.put("resStatus", 1);
            return service(true, "S0000", null, msg);
        }
        if (!order.cancelled() && !parcels.withdraw(order.waybillNo())) {
            return service(false, "8252", "快件已揽收,订单不能取消", null);
        }
        orders.put(order.orderId(), new Order(order.orderId(), order.waybillNo(), order.subWaybillNos(), order.destCity(), order.at(), true));
        msg.put("resStatus", 2);
        return service(true, "S0000", null, msg);
    }

    private Map<String, Object> routes(JsonNode d) {
        List<Map<String, Object>> resps = new ArrayList<>();
        String phone = text(d, "checkPhoneNo");
        for (JsonNode n : d.path("trackingNumber").valueStream().toList()) {
            String number = n.isString() ? n.stringValue() : n.toString();
            Optional<Journey> j = parcels.find(number).filter(x -> "SF".equals(x.carrierCode()));
            boolean allowed = j.isPresent() && (owner().equals(j.get().owner())
                    || (!phone.isBlank() && j.get().senderPhone() != null && j.get().senderPhone().endsWith(phone)));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mailNo", number);
            r.put("routes", allowed ? parcels.visible(j.get()).stream().map(SfRoutes::route).toList() : List.of());
            resps.add(r);
        }
        return service(true, "S0000", null, Map.of("routeResps", resps));
    }

    private Map<String, Object> intercept(JsonNode d) {
        String number = text(d, "waybillNo");
        String serviceCode = text(d, "serviceCode");
        if (number.isBlank() || serviceCode.isBlank() || text(d, "role").isBlank() || text(d, "payMode").isBlank()) {
            return service(false, "1010", "waybillNo, serviceCode, role, payMode 不能为空", null);
        }
        if (("3".equals(text(d, "payMode")) || "4".equals(text(d, "payMode"))) && text(d, "monthlyCardNo").isBlank()) {
            return service(false, "1010", "月结支付须填写 monthlyCardNo", null);
        }
        if (("1".equals(serviceCode) || "2".equals(serviceCode)) && d.path("newDestAddress").isMissingNode()) {
            return service(false, "1010", "转寄/退回须填写 newDestAddress", null);
        }
        Optional<Journey> j = parcels.find(number).filter(x -> owner().equals(x.owner()));
        if (j.isEmpty()) {
            return service(false, "8018", "运单不存在或不属于该客户", null);
        }
        return switch (parcels.intercept(number)) {
            case ACCEPTED -> service(true, "S0000", null, null);
            case TOO_LATE -> service(false, "8252", "快件未揽收或已签收,不能拦截", null);
            case NOT_FOUND -> service(false, "8018", "运单不存在或不属于该客户", null);
        };
    }

    private Map<String, Object> orderData(Order o, boolean withLabel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("originCode", "571");
        m.put("destCode", String.format("%03d", Math.abs(o.destCity().hashCode()) % 1000));
        m.put("filterResult", 2);
        List<Map<String, Object>> waybills = new ArrayList<>();
        waybills.add(Map.of("waybillType", 1, "waybillNo", o.waybillNo()));
        o.subWaybillNos().forEach(n -> waybills.add(Map.of("waybillType", 2, "waybillNo", n)));
        m.put("waybillNoInfoList", waybills);
        if (withLabel) {
            String dest = (String) m.get("destCode");
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("waybillNo", o.waybillNo());
            label.put("destRouteLabel", dest + "-" + (char) ('A' + Math.abs(o.waybillNo().hashCode()) % 20));
            label.put("destTeamCode", String.format("%03d", Math.abs(o.waybillNo().hashCode()) % 1000));
            label.put("codingMapping", "F" + Math.abs(o.waybillNo().hashCode()) % 90);
            label.put("destTransferCode", dest);
            label.put("proName", "顺丰标快");
            label.put("twoDimensionCode", "MMM={'k1':'" + dest + "','k5':'" + o.waybillNo() + "'}");
            m.put("routeLabelInfo", List.of(Map.of("code", "1000", "routeLabelData", label, "message", o.waybillNo() + ":")));
        }
        return m;
    }

    String owner() {
        return "sf:" + config.partnerId();
    }

    public List<Order> orders() {
        return List.copyOf(orders.values());
    }

    public void reset() {
        orders.clear();
    }

    private static JsonNode contact(JsonNode d, int type) {
        return d.path("contactInfoList").valueStream().filter(c -> c.path("contactType").asInt(0) == type).findFirst().orElse(null);
    }

    private static String number() {
        StringBuilder s = new StringBuilder("SF");
        for (int i = 0; i < 13; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    private static Map<String, Object> gateway(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiErrorMsg", message);
        m.put("apiResponseID", UUID.randomUUID().toString().replace("-", "").toUpperCase());
        m.put("apiResultCode", code);
        m.put("apiResultData", null);
        return m;
    }

    private static Map<String, Object> service(boolean success, String errorCode, String errorMsg, Object msgData) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("success", success);
        inner.put("errorCode", errorCode);
        inner.put("errorMsg", errorMsg);
        inner.put("msgData", msgData);
        Map<String, Object> m = gateway("A1000", "");
        m.put("apiResultData", JSON.writeValueAsString(inner));
        return m;
    }

}
