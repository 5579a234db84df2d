package io.fahuo.simulator.kdniao;

import static io.fahuo.simulator.SimJson.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;
import io.fahuo.simulator.parcels.Journey;
import io.fahuo.simulator.parcels.ParcelJourneys;
import io.fahuo.simulator.parcels.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Kdniao: checks EBusinessID and DataSign, takes each request type only at its path, validates
 * 1007 (pay types, monthly accounts, multi-package), answers the same OrderCode with the same waybill, keeps
 * an e-waybill balance per account and carrier, refuses to cancel a collected parcel, answers trace queries
 * and subscriptions, and has the carriers' parcels move on the simulated clock.
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class KdniaoPlatform {

    static final String PATH_EORDER = "/api/EOrderService";
    static final String PATH_QUERY = "/Ebusiness/EbusinessOrderHandle.aspx";
    static final String PATH_SUBSCRIBE = "/api/dist";
    private static final Map<String, Set<String>> TYPES_BY_PATH = Map.of(
            PATH_EORDER, Set.of("1007", "1147", "1127"),
            PATH_QUERY, Set.of("1002", "8001"),
            PATH_SUBSCRIBE, Set.of("1008", "8008"));
    private static final int MAX_PACKAGES = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Issued(String orderCode, String shipperCode, String logisticCode, List<String> subCodes, String markDestination,
                         String sortingCode, String packageName, String receiverCity, Instant at, boolean cancelled) {
    }

    /** A number whose trace Kdniao pushes to an account; {@code monitor}: 在途监控 (8008, push 102) or basic (1008, push 101). */
    record Subscription(String eBusinessId, String shipperCode, boolean monitor) {
    }

    private final SimProperties.Kdniao config;
    private final SimClock clock;
    private final ParcelJourneys parcels;
    private final Map<String, Issued> byOrderCode = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> balances = new ConcurrentHashMap<>();
    private final AtomicInteger issueCalls = new AtomicInteger();
    private volatile double errorRate;

    public KdniaoPlatform(SimProperties properties, SimClock clock, ParcelJourneys parcels) {
        this.config = properties.kdniao();
        this.clock = clock;
        this.parcels = parcels;
    }

    public void setErrorRate(double errorRate) {
        this.errorRate = errorRate;
    }

    public Map<String, Object> handle(String path, Map<String, String> form) {
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
        if (!sign(requestData).equals(dataSign)) {
            return answer(businessId, false, "104", "DataSign 签名验证失败");
        }
        if (!TYPES_BY_PATH.getOrDefault(path, Set.of()).contains(requestType)) {
            return answer(businessId, false, "102", "RequestType " + requestType + " 不能调用此地址 " + path);
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
            case "1127" -> balance(businessId, data);
            case "1002", "8001" -> query(businessId, data, "8001".equals(requestType));
            default -> subscribe(businessId, data, "8008".equals(requestType));
        };
    }

    /** Kdniao's DataSign: base64 of the lowercase hex MD5 of RequestData + AppKey. */
    String sign(String requestData) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((requestData + config.appKey()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(HexFormat.of().formatHex(md5).getBytes(StandardCharsets.UTF_8));
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
        if (payType == 4 && !"SF".equals(shipper)) {
            return answer(businessId, false, "102", "第三方付仅支持顺丰");
        }
        int quantity = d.path("Quantity").isMissingNode() ? 1 : d.path("Quantity").asInt(0);
        if (quantity < 1 || quantity > MAX_PACKAGES) {
            return answer(businessId, false, "102", "Quantity 取值 1-" + MAX_PACKAGES);
        }
        issueCalls.incrementAndGet();
        String orderCode = text(d, "OrderCode");
        String key = shipper + "|" + orderCode;
        Issued existing = byOrderCode.get(key);
        if (existing == null) {
            AtomicInteger balance = balances.computeIfAbsent(balanceKey(businessId, shipper), k -> new AtomicInteger(config.initialBalance()));
            if (balance.getAndUpdate(n -> n >= quantity ? n - quantity : n) < quantity) {
                return answer(businessId, false, "105", "面单余额不足");
            }
        }
        JsonNode receiver = d.path("Receiver");
        JsonNode sender = d.path("Sender");
        Issued issued = byOrderCode.computeIfAbsent(key, k -> {
            String city = text(receiver, "CityName").replace("市", "");
            String district = text(receiver, "ExpAreaName").replaceAll("[区县市]$", "");
            int h = Math.abs((orderCode + city).hashCode());
            String number = Numbers.next(shipper);
            List<String> subs = new ArrayList<>();
            for (int i = 1; i < quantity; i++) {
                subs.add(Numbers.next(shipper));
            }
            return new Issued(orderCode, shipper, number, subs, city + " " + district + " " + (char) ('A' + h % 8) + String.format("%02d", h % 60),
                    String.format("%03d-%s%02d-%02d", 100 + h % 800, (char) ('A' + h % 26), h % 40, h % 30),
                    text(receiver, "ProvinceName").replaceAll("(省|市|自治区|维吾尔|壮族|回族)", "") + city + "转运中心", city,
                    clock.now(), false);
        });
        if (issued.cancelled()) {
            return answer(businessId, false, "105", "该订单的运单已取消,请使用新的 OrderCode");
        }
        Journey journey = parcels.start("kdniao:" + businessId, shipper, issued.logisticCode(), text(sender, "Mobile"),
                text(sender, "CityName"), issued.receiverCity(), null);
        if (!"0".equals(text(d, "IsSubscribe"))) {
            // Kdniao subscribes issued numbers unless told not to
            subscriptions.putIfAbsent(journey.number(), new Subscription(businessId, shipper, false));
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
        a.put("UniquerRequestNumber", UUID.randomUUID().toString());
        a.put("Order", order);
        if (!issued.subCodes().isEmpty()) {
            a.put("SubCount", issued.subCodes().size());
            a.put("SubOrders", issued.subCodes());
        }
        return a;
    }

    private Map<String, Object> cancel(String businessId, JsonNode d) {
        String key = text(d, "ShipperCode") + "|" + text(d, "OrderCode");
        Issued issued = byOrderCode.get(key);
        if (issued == null || !issued.logisticCode().equals(text(d, "ExpNo"))) {
            return answer(businessId, false, "102", "运单不存在");
        }
        if (!issued.cancelled() && !parcels.withdraw(issued.logisticCode())) {
            return answer(businessId, false, "105", "快件已揽收,无法取消");
        }
        byOrderCode.put(key, new Issued(issued.orderCode(), issued.shipperCode(), issued.logisticCode(), issued.subCodes(),
                issued.markDestination(), issued.sortingCode(), issued.packageName(), issued.receiverCity(), issued.at(), true));
        return answer(businessId, true, "100", "取消成功");
    }

    private Map<String, Object> balance(String businessId, JsonNode d) {
        String shipper = text(d, "ShipperCode");
        if (shipper.isBlank()) {
            return answer(businessId, false, "101", "缺少必填字段: ShipperCode");
        }
        if (!Numbers.known(shipper)) {
            return answer(businessId, false, "102", "ShipperCode " + shipper + " 不支持");
        }
        int available = balances.computeIfAbsent(balanceKey(businessId, shipper), k -> new AtomicInteger(config.initialBalance())).get();
        Map<String, Object> a = answer(businessId, true, "100", "成功");
        a.put("EorderBalance", Map.of("AvailableNum", available, "TotalNum", Math.max(config.initialBalance(), available)));
        return a;
    }

    private Map<String, Object> query(String businessId, JsonNode d, boolean monitor) {
        String shipper = text(d, "ShipperCode");
        String number = text(d, "LogisticCode");
        if (shipper.isBlank() || number.isBlank()) {
            return answer(businessId, false, "101", "缺少必填字段: ShipperCode, LogisticCode");
        }
        Optional<Journey> journey = parcels.find(number).filter(j -> j.carrierCode().equals(shipper));
        if (journey.isEmpty()) {
            return traceRefusal(businessId, shipper, number, "暂无轨迹信息");
        }
        if ("SF".equals(shipper) && !phoneTailMatches(journey.get(), text(d, "CustomerName"))) {
            return traceRefusal(businessId, shipper, number, "顺丰单号需提供寄件人或收件人手机号后四位 (CustomerName)");
        }
        String orderCode = text(d, "OrderCode");
        return KdniaoTraces.trace(businessId, shipper, number, orderCode.isBlank() ? null : orderCode, parcels.visible(journey.get()), monitor);
    }

    private Map<String, Object> subscribe(String businessId, JsonNode d, boolean monitor) {
        String shipper = text(d, "ShipperCode");
        String number = text(d, "LogisticCode");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("EBusinessID", businessId);
        a.put("UpdateTime", KdniaoTraces.TIME.format(clock.now()));
        if (shipper.isBlank() || number.isBlank() || !Numbers.known(shipper)) {
            a.put("Success", false);
            a.put("Reason", "ShipperCode 与 LogisticCode 必填且快递公司须受支持");
            return a;
        }
        subscriptions.put(number, new Subscription(businessId, shipper, monitor));
        a.put("Success", true);
        a.put("Reason", "");
        return a;
    }

    /** A parcel handed to a carrier outside this account (a factory's or supplier's own waybill), for hand-entered numbers. */
    public String registerForeignParcel(String shipperCode, String number, String senderPhone, String fromCity, String toCity,
                                        Scenario scenario) {
        String n = number == null || number.isBlank() ? Numbers.next(shipperCode) : number;
        parcels.start("kdniao:foreign", shipperCode, n, senderPhone, fromCity, toCity, scenario);
        return n;
    }

    Optional<Subscription> subscription(String number) {
        return Optional.ofNullable(subscriptions.get(number));
    }

    public void setBalance(String shipperCode, int available) {
        balances.put(balanceKey(config.eBusinessId(), shipperCode), new AtomicInteger(available));
    }

    public List<Issued> issued() {
        return List.copyOf(byOrderCode.values());
    }

    public int issueCalls() {
        return issueCalls.get();
    }

    public void reset() {
        byOrderCode.clear();
        subscriptions.clear();
        balances.clear();
        issueCalls.set(0);
        errorRate = 0;
    }

    private static boolean phoneTailMatches(Journey j, String tail) {
        return j.senderPhone() != null && !tail.isBlank() && j.senderPhone().endsWith(tail);
    }

    private static Map<String, Object> traceRefusal(String businessId, String shipper, String number, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EBusinessID", businessId);
        m.put("ShipperCode", shipper);
        m.put("LogisticCode", number);
        m.put("Success", false);
        m.put("Reason", reason);
        m.put("State", "0");
        m.put("Traces", List.of());
        return m;
    }

    private static String balanceKey(String businessId, String shipper) {
        return businessId + "|" + shipper;
    }

    private static Map<String, Object> answer(String businessId, boolean success, String code, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EBusinessID", businessId == null ? "" : businessId);
        m.put("Success", success);
        m.put("ResultCode", code);
        m.put("Reason", reason);
        return m;
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
