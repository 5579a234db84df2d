package io.fahuo.platforms.doudian;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fahuo.orders.domain.AfterSale;
import io.fahuo.orders.domain.IncomingLine;
import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.orders.domain.PlatformState;
import io.fahuo.orders.domain.ReceiverSnapshot;
import io.fahuo.platforms.domain.OrderWindowPage;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.shared.Masking;
import tools.jackson.databind.JsonNode;

/** Pure conversion between Douyin payloads and Fahuo's types. No I/O. */
public final class DoudianMapper {

    /** The {@code {code, msg, sub_code, sub_msg, log_id, data}} envelope. */
    public record Envelope(int code, String msg, String subCode, String subMsg, String logId, JsonNode data) {
        public boolean ok() {
            return code == DoudianCodes.OK;
        }

        public String describe() {
            return code + " " + msg + (subCode == null || subCode.isEmpty() ? "" : " [" + subCode + "] " + subMsg)
                    + (logId == null ? "" : " (log_id " + logId + ")");
        }
    }

    private DoudianMapper() {
    }

    public static Envelope envelope(String body) {
        JsonNode root = DoudianJson.parse(body);
        if (!root.isObject() || !root.has("code")) {
            throw new IllegalArgumentException("not a Douyin envelope: " + abbreviate(body));
        }
        return new Envelope(root.path("code").asInt(), text(root, "msg"), text(root, "sub_code"), text(root, "sub_msg"),
                text(root, "log_id"), root.path("data"));
    }

    /** What token.create and token.refresh answer. */
    public record TokenGrant(String accessToken, Instant expiresAt, String refreshToken, String shopId) {
    }

    public static TokenGrant tokenGrant(JsonNode data, Instant now) {
        return new TokenGrant(blankToNull(text(data, "access_token")), now.plusSeconds(data.path("expires_in").asLong(0)),
                blankToNull(text(data, "refresh_token")), blankToNull(text(data, "shop_id")));
    }

    /** token.create for a self-use app (自用型): the shop that owns the app authorises itself. */
    public static Map<String, Object> selfAuthorisationParams(String shopId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", "");
        p.put("grant_type", "authorization_self");
        p.put("shop_id", shopId);
        return p;
    }

    /** token.create for a tool app (工具型): the code the merchant's consent sent to the app's callback. */
    public static Map<String, Object> authorizationCodeParams(String code) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("grant_type", "authorization_code");
        return p;
    }

    public static Map<String, Object> refreshParams(String refreshToken) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("grant_type", "refresh_token");
        p.put("refresh_token", refreshToken);
        return p;
    }

    public static Map<String, Object> searchListParams(Instant from, Instant to, int page, int size) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("update_time_start", from.getEpochSecond());
        p.put("update_time_end", to.getEpochSecond());
        p.put("order_by", "update_time");
        p.put("order_asc", true);
        p.put("page", page);
        p.put("size", size);
        return p;
    }

    public static OrderWindowPage page(JsonNode data, int page, int size) {
        List<IncomingOrder> orders = new ArrayList<>();
        for (JsonNode o : data.path("shop_order_list")) {
            orders.add(order(o));
        }
        return new OrderWindowPage(orders, data.path("total").asLong(), page, size);
    }

    /** One {@code shop_order} (of order.searchList, or {@code shop_order_detail} of order.orderDetail). */
    public static IncomingOrder order(JsonNode o) {
        String orderId = text(o, "order_id");
        int status = o.path("order_status").asInt();
        PlatformState state = DoudianCodes.state(status);
        JsonNode addr = o.path("post_addr");
        JsonNode masked = o.path("mask_post_addr");
        String province = text(addr.path("province"), "name");
        String city = text(addr.path("city"), "name");
        String district = text(addr.path("town"), "name");
        String street = text(addr.path("street"), "name");
        String maskedDetail = text(masked, "detail");
        Map<String, String> sensitive = new LinkedHashMap<>();
        sensitive.put("province", province);
        sensitive.put("city", city);
        sensitive.put("district", district);
        sensitive.put("street", street);
        sensitive.put("name", text(o, "encrypt_post_receiver"));
        sensitive.put("tel", text(o, "encrypt_post_tel"));
        sensitive.put("detail", text(addr, "encrypt_detail"));
        ReceiverSnapshot receiver = new ReceiverSnapshot(province, city, district, street,
                firstNonBlank(text(o, "mask_post_receiver"), "*"), firstNonBlank(text(o, "mask_post_tel"), "***"),
                maskedDetail != null ? maskedDetail : "****", DoudianJson.MAPPER.writeValueAsString(sensitive));
        List<IncomingLine> lines = new ArrayList<>();
        List<AfterSale> lineAfterSales = new ArrayList<>();
        for (JsonNode s : o.path("sku_order_list")) {
            String spec = s.path("spec").isArray()
                    ? s.path("spec").valueStream().map(x -> text(x, "name") + ":" + text(x, "value")).collect(Collectors.joining(";"))
                    : null;
            lines.add(new IncomingLine(text(s, "order_id"), text(s, "sku_id"), blankToNull(text(s, "code")),
                    firstNonBlank(text(s, "product_name"), "?"), spec, Math.max(1, s.path("item_num").asInt(1)),
                    s.path("pay_amount").asLong()));
            lineAfterSales.add(afterSale(s.path("after_sale_info")));
        }
        AfterSale afterSale = combine(lineAfterSales);
        boolean unshipped = state == PlatformState.UNPAID || state == PlatformState.PAID_HELD || state == PlatformState.SHIPPABLE;
        if (afterSale == AfterSale.REFUNDED && unshipped) {
            // every line refunded before it left: nothing remains to ship, whatever order_status still says
            state = PlatformState.CANCELLED;
        }
        return new IncomingOrder(orderId, Integer.toString(status), state, o.path("pay_amount").asLong(o.path("order_amount").asLong()),
                seconds(o, "create_time"), seconds(o, "update_time"), seconds(o, "pay_time"), seconds(o, "exp_ship_time"),
                blankToNull(text(o, "buyer_words")), blankToNull(text(o, "seller_words")), receiver, lines, afterSale);
    }

    /** after_sale_status values that end an after-sale without a refund (refused, failed, refused after return). */
    private static final java.util.Set<Integer> AFTER_SALE_ENDED_WITHOUT_REFUND = java.util.Set.of(27, 28, 29);
    private static final int AFTER_SALE_SUCCEEDED = 12;
    private static final int REFUND_SUCCEEDED = 3;

    /** One sub-order's {@code after_sale_info {after_sale_status, refund_status}}. */
    public static AfterSale afterSale(JsonNode info) {
        int status = info.path("after_sale_status").asInt(0);
        int refund = info.path("refund_status").asInt(0);
        if (status == AFTER_SALE_SUCCEEDED || refund == REFUND_SUCCEEDED) {
            return AfterSale.REFUNDED;
        }
        if (status == 0 || AFTER_SALE_ENDED_WITHOUT_REFUND.contains(status)) {
            return AfterSale.NONE;
        }
        return AfterSale.REQUESTED;
    }

    static AfterSale combine(List<AfterSale> perLine) {
        if (perLine.contains(AfterSale.REQUESTED)) {
            return AfterSale.REQUESTED;
        }
        long refunded = perLine.stream().filter(a -> a == AfterSale.REFUNDED).count();
        if (refunded == 0) {
            return AfterSale.NONE;
        }
        return refunded == perLine.size() ? AfterSale.REFUNDED : AfterSale.PARTLY_REFUNDED;
    }

    /** Ciphertexts to decrypt for each order, as order.batchDecrypt's {@code cipher_infos}. */
    public static List<Map<String, Object>> cipherInfos(Map<String, String> sensitiveByOrderId) {
        List<Map<String, Object>> infos = new ArrayList<>();
        sensitiveByOrderId.forEach((orderId, sensitive) -> {
            JsonNode s = DoudianJson.parse(sensitive);
            for (String field : List.of("name", "tel", "detail")) {
                String cipher = text(s, field);
                if (cipher != null && !cipher.isEmpty()) {
                    infos.add(Map.of("auth_id", orderId, "cipher_text", cipher));
                }
            }
        });
        return infos;
    }

    /**
     * Joins order.batchDecrypt's {@code decrypt_infos} back to receivers. A cipher the platform could not
     * open ({@code err_no != 0}) leaves its order out, so no half-known receiver reaches a courier.
     */
    public static Map<String, ReceiverPlaintext> receivers(Map<String, String> sensitiveByOrderId, List<JsonNode> decryptInfos) {
        Map<String, String> plainByCipher = new HashMap<>();
        java.util.Set<String> failedOrders = new java.util.HashSet<>();
        for (JsonNode d : decryptInfos) {
            if (d.path("err_no").asInt(0) != 0) {
                failedOrders.add(text(d, "auth_id"));
                continue;
            }
            plainByCipher.put(text(d, "cipher_text"), text(d, "decrypt_text"));
        }
        Map<String, ReceiverPlaintext> out = new LinkedHashMap<>();
        sensitiveByOrderId.forEach((orderId, sensitive) -> {
            JsonNode s = DoudianJson.parse(sensitive);
            String name = plainByCipher.get(text(s, "name"));
            String tel = plainByCipher.get(text(s, "tel"));
            String detail = plainByCipher.get(text(s, "detail"));
            if (failedOrders.contains(orderId) || name == null || tel == null || detail == null) {
                return;
            }
            out.put(orderId, new ReceiverPlaintext(name, tel, text(s, "province"), text(s, "city"), text(s, "district"),
                    text(s, "street"), detail));
        });
        return out;
    }

    public static Map<String, Object> logisticsAddParams(String orderId, String companyCode, String trackingNumber) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order_id", orderId);
        p.put("company_code", companyCode);
        p.put("logistics_code", trackingNumber);
        return p;
    }

    /** order.logisticsAddMultiPack: every parcel with the sub-orders (and units) it carries; all or nothing. */
    public static Map<String, Object> logisticsAddMultiPackParams(io.fahuo.platforms.domain.ShippingConfirmation c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order_id", c.platformOrderId());
        p.put("request_id", c.requestId());
        List<Map<String, Object>> packs = new ArrayList<>();
        for (var parcel : c.parcels()) {
            Map<String, Object> pack = new LinkedHashMap<>();
            pack.put("shipped_order_info", parcel.items().stream()
                    .map(i -> Map.<String, Object>of("shipped_order_id", i.platformLineId(), "shipped_num", i.quantity())).toList());
            pack.put("logistics_code", parcel.trackingNumber());
            pack.put("company_code", DoudianCodes.companyCode(parcel.carrier()));
            packs.add(pack);
        }
        p.put("pack_list", packs);
        return p;
    }

    /** The tracking numbers order detail lists under {@code logistics_info}. */
    public static List<String> trackingNumbers(JsonNode shopOrderDetail) {
        List<String> numbers = new ArrayList<>();
        for (JsonNode l : shopOrderDetail.path("logistics_info")) {
            String no = text(l, "tracking_no");
            if (no != null) {
                numbers.add(no);
            }
        }
        return numbers;
    }

    /** Masks a receiver as the platform's own {@code mask_*} fields do, for orders that lack them. */
    public static String maskName(String name) {
        return Masking.name(name);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isString() ? v.stringValue() : v.toString();
    }

    private static Instant seconds(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        long s = v.isNumber() ? v.asLong() : Long.parseLong(v.stringValue());
        return s <= 0 ? null : Instant.ofEpochSecond(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
