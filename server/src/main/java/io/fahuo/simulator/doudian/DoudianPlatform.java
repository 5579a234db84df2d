package io.fahuo.simulator.doudian;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.DemoCatalog;
import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;

/**
 * The simulated Douyin Open Platform: request checks (app key, timestamp ±300 s, signature in both methods,
 * tokens), the {@code {code, msg, sub_code, sub_msg, log_id, data}} envelope, paging caps, the 90-day
 * window, and the order state rules of shipping (only status 2 ships). Every write-back is kept in a ledger.
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class DoudianPlatform {

    static final int OK = 10000;
    static final Duration MAX_SKEW = Duration.ofSeconds(300);
    static final Duration TOKEN_TTL = Duration.ofDays(7);
    static final Duration REFRESH_TTL = Duration.ofDays(14);
    static final Duration AUTH_CODE_TTL = Duration.ofMinutes(10);
    /** Refreshing earlier than this before expiry gives the same tokens back; later, new ones (the old live on this long). */
    static final Duration RENEWAL_WINDOW = Duration.ofHours(1);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public record WriteBack(String orderId, String companyCode, String trackingNo, Instant at, boolean accepted, String refusal) {
    }

    /** An access token with its refresh token; {@code successor} is set once a refresh in the last hour replaced it. */
    private static final class Token {
        final String shopId;
        final String access;
        final String refresh;
        volatile Instant expiresAt;
        volatile Instant refreshExpiresAt;
        volatile Token successor;

        Token(String shopId, String access, String refresh, Instant expiresAt, Instant refreshExpiresAt) {
            this.shopId = shopId;
            this.access = access;
            this.refresh = refresh;
            this.expiresAt = expiresAt;
            this.refreshExpiresAt = refreshExpiresAt;
        }
    }

    private record AuthCode(String shopId, Instant expiresAt) {
    }

    private record Cipher(String orderId, String plain, int dataType) {
    }

    static final Map<String, String> COMPANIES = Map.of(
            "zhongtong", "中通快递", "yuantong", "圆通速递", "shentong", "申通快递", "yunda", "韵达快递",
            "shunfeng", "顺丰速运", "jd", "京东快递", "jtexpress", "极兔速递", "ems", "EMS", "debangwuliu", "德邦快递");

    private final SimProperties.Doudian config;
    private final SimClock clock;
    private final Map<String, SimOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Token> byRefresh = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> authCodes = new ConcurrentHashMap<>();
    /** Shops that authorised this app; the configured shop always has. */
    private final java.util.Set<String> shops = ConcurrentHashMap.newKeySet();
    private final Map<String, Cipher> ciphers = new ConcurrentHashMap<>();
    private final List<WriteBack> ledger = new CopyOnWriteArrayList<>();
    private final AtomicLong orderSeq = new AtomicLong(6_920_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000);
    private final SecureRandom random = new SecureRandom();
    private final SimOrderFactory factory = new SimOrderFactory();
    private volatile Knobs knobs = Knobs.NONE;
    private volatile DoudianPusher pusher;
    private final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();
    private final RateLimiter limiter = new RateLimiter();

    /**
     * Chaos for tests: latency; a share of requests refused with 20000 (nothing done); a QPS limit per app
     * (0 = none, over it 60000 isv.traffic-limited); a share answered HTTP 502 by the gateway (nothing done);
     * a share whose work is done but whose answer is lost (20001 timeout), the hardest case for idempotency.
     */
    public record Knobs(int latencyMillis, double errorRate, int qpsLimit, double http5xxRate, double lostReplyRate) {
        public static final Knobs NONE = new Knobs(0, 0, 0, 0, 0);

        public Knobs(int latencyMillis, double errorRate, int qpsLimit) {
            this(latencyMillis, errorRate, qpsLimit, 0, 0);
        }
    }

    /** Whether the gateway in front of the platform fails this request with an HTTP 5xx (the knob's share). */
    public boolean rollGatewayFailure() {
        double rate = knobs.http5xxRate();
        boolean fail = rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
        if (fail) {
            fault("http-502");
        }
        return fail;
    }

    public DoudianPlatform(SimProperties properties, SimClock clock) {
        this.config = properties.doudian();
        this.clock = clock;
        this.shops.add(config.shopId());
        this.pusher = new DoudianPusher(config.appKey(), config.appSecret(), "off", () -> "off", (u, h, b) -> null);
    }

    /** Where this platform's message push goes (set by the simulator's configuration, or a test). */
    public void setPusher(DoudianPusher pusher) {
        this.pusher = pusher;
    }

    public DoudianPusher pusher() {
        return pusher;
    }

    /** Another shop authorises this app (a merchant with several shops, or a test that wants its own). */
    public void authorizeShop(String shopId) {
        shops.add(shopId);
    }

    private void fault(String kind) {
        faults.computeIfAbsent(kind, x -> new AtomicLong()).incrementAndGet();
    }

    /** How many failures each knob injected since the last reset. */
    public Map<String, Long> faults() {
        Map<String, Long> out = new java.util.TreeMap<>();
        faults.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void setKnobs(Knobs knobs) {
        this.knobs = knobs;
    }

    public Knobs knobs() {
        return knobs;
    }

    // ---------------------------------------------------------------- the Open API

    public Map<String, Object> handle(String pathMethod, Map<String, String> query, String body) {
        Map<String, Object> refusal = checkSystemParameters(pathMethod, query, body);
        if (refusal != null) {
            return refusal;
        }
        Knobs k = knobs;
        if (k.qpsLimit() > 0 && !limiter.tryAcquire(k.qpsLimit())) {
            fault("60000");
            return error(60000, "调用过于频繁", "isv.traffic-limited", "调用频率超限");
        }
        if (k.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < k.errorRate()) {
            fault("20000");
            return error(20000, "服务不可用", "isp.service-error", "服务暂时不可用,请稍后重试");
        }
        Map<String, Object> params = OpenApiSignature.toMap(body);
        String shop = pathMethod.startsWith("token.") ? null : tokens.get(query.get("access_token")).shopId;
        Map<String, Object> answer = serve(pathMethod, shop, params);
        if (k.lostReplyRate() > 0 && ThreadLocalRandom.current().nextDouble() < k.lostReplyRate()) {
            fault("lost-reply");
            return error(20001, "服务超时", "isp.timeout", "处理超时,请稍后重试");
        }
        return answer;
    }

    private Map<String, Object> serve(String pathMethod, String shop, Map<String, Object> params) {
        return switch (pathMethod) {
            case "token.create" -> tokenCreate(params);
            case "token.refresh" -> tokenRefresh(params);
            case "order.searchList" -> searchList(shop, params);
            case "order.orderDetail" -> orderDetail(shop, params);
            case "order.batchDecrypt" -> batchDecrypt(shop, params);
            case "order.logisticsAdd" -> logisticsAdd(shop, params);
            case "order.logisticsAddMultiPack" -> logisticsAddMultiPack(shop, params);
            case "order.logisticsCompanyList" -> ok(COMPANIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> Map.<String, Object>of("id", Math.abs(e.getKey().hashCode() % 1000), "code", e.getKey(), "name", e.getValue()))
                    .toList());
            default -> served.containsKey(pathMethod) ? served.get(pathMethod).handle(shop, params)
                    : error(70000, "接口不存在", "isv.method-not-exist", "method " + pathMethod + " is not served");
        };
    }

    /** A method of the Open API served by another simulator class (logistics, stock), for the calling shop. */
    public interface Method {
        Map<String, Object> handle(String shopId, Map<String, Object> params);
    }

    private final Map<String, Method> served = new ConcurrentHashMap<>();
    private final List<Runnable> resetHooks = new CopyOnWriteArrayList<>();

    private final List<java.util.function.Consumer<SimOrder>> orderHooks = new CopyOnWriteArrayList<>();

    /** Lets another simulator class see each new order (stock deducted by the sale). */
    void onOrderCreated(java.util.function.Consumer<SimOrder> hook) {
        orderHooks.add(hook);
    }

    /** Serves {@code method} after the common checks (signature, timestamp, token, knobs) passed. */
    void serve(String method, Method handler, Runnable onReset) {
        served.put(method, handler);
        if (onReset != null) {
            resetHooks.add(onReset);
        }
    }

    /** The order as the platform keeps it (callers synchronise on this platform to read or change it). */
    SimOrder order(String orderId) {
        return orders.get(stripA(orderId));
    }

    private Map<String, Object> checkSystemParameters(String pathMethod, Map<String, String> q, String body) {
        String appKey = q.get("app_key");
        if (blank(appKey)) {
            return error(40001, "缺少必选参数", "isv.app-key-missing", "app_key is required");
        }
        if (!config.appKey().equals(appKey)) {
            return error(40003, "无效的参数", "isv.app-key-invalid", "unknown app_key");
        }
        if (!pathMethod.equals(q.get("method"))) {
            return error(40003, "无效的参数", "isv.method-invalid", "method does not match the path");
        }
        if (!"2".equals(q.get("v"))) {
            return error(40003, "无效的参数", "isv.version-invalid", "v must be 2");
        }
        Instant ts = parseTimestamp(q.get("timestamp"));
        if (ts == null || Duration.between(ts, clock.now()).abs().compareTo(MAX_SKEW) > 0) {
            return error(40003, "无效的参数", "isv.timestamp-invalid", "timestamp is missing, malformed or more than 300 s off");
        }
        String sign = q.get("sign");
        if (blank(sign)) {
            return error(40001, "缺少必选参数", "isv.signature-missing", "sign is required");
        }
        String signMethod = q.getOrDefault("sign_method", "md5");
        if (!signMethod.equals("md5") && !signMethod.equals("hmac-sha256")) {
            return error(40003, "无效的参数", "isv.sign-method-invalid", "sign_method must be md5 or hmac-sha256");
        }
        String canonical;
        try {
            canonical = OpenApiSignature.canonicalBody(body);
        } catch (RuntimeException e) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "param_json is not JSON");
        }
        String expected = OpenApiSignature.expected(signMethod, appKey, config.appSecret(), pathMethod, canonical, q.get("timestamp"));
        if (!expected.equals(sign)) {
            return error(40003, "无效的参数", "isv.signature-invalid", "签名校验失败");
        }
        if (!pathMethod.startsWith("token.")) {
            String access = q.get("access_token");
            if (blank(access)) {
                return error(40001, "缺少必选参数", "isv.access-token-missing", "access_token is required");
            }
            Token token = tokens.get(access);
            if (token == null) {
                return error(40003, "无效的参数", "isv.access-token-no-existed", "access_token 不存在");
            }
            if (!token.expiresAt.isAfter(clock.now())) {
                return error(40003, "无效的参数", "isv.access-token-expired", "access_token 已过期");
            }
        }
        return null;
    }

    private Instant parseTimestamp(String ts) {
        if (blank(ts)) {
            return null;
        }
        try {
            if (ts.chars().allMatch(Character::isDigit)) {
                long n = Long.parseLong(ts);
                return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            }
            return LocalDateTime.parse(ts, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).atZone(CHINA).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /**
     * token.create: authorization_self for the shop that owns this (self-use) app, or authorization_code with a
     * code a merchant's consent produced (tool apps; single use, valid 10 minutes).
     */
    private Map<String, Object> tokenCreate(Map<String, Object> p) {
        String grant = str(p.get("grant_type"));
        String shopId;
        if ("authorization_self".equals(grant)) {
            shopId = str(p.get("shop_id"));
            if (shopId == null || !shops.contains(shopId)) {
                return error(50001, "授权失败", "isv.shop-not-authorized", "the shop has not authorised this app");
            }
        } else if ("authorization_code".equals(grant)) {
            String code = str(p.get("code"));
            AuthCode c = blank(code) ? null : authCodes.remove(code);
            if (c == null || !c.expiresAt().isAfter(clock.now())) {
                return error(50001, "授权失败", "isv.auth-code-invalid", "code 无效、已使用或已过期");
            }
            shopId = c.shopId();
        } else {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "grant_type must be authorization_self or authorization_code");
        }
        return tokenAnswer(issue(shopId));
    }

    /**
     * token.refresh: more than an hour before the access token expires the same tokens come back; in its last
     * hour new ones, the old pair staying valid for that hour (a second refresh with the old refresh token
     * gets the same new pair). A refresh token lives 14 days.
     */
    private synchronized Map<String, Object> tokenRefresh(Map<String, Object> p) {
        if (!"refresh_token".equals(str(p.get("grant_type")))) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "grant_type must be refresh_token");
        }
        Instant now = clock.now();
        Token t = byRefresh.get(String.valueOf(p.get("refresh_token")));
        if (t == null || !t.refreshExpiresAt.isAfter(now)) {
            return error(50001, "授权失败", "isv.refresh-token-invalid", "refresh_token 无效或已过期,请重新授权");
        }
        if (t.successor != null) {
            return tokenAnswer(t.successor);
        }
        if (Duration.between(now, t.expiresAt).compareTo(RENEWAL_WINDOW) > 0) {
            return tokenAnswer(t);
        }
        Token next = issue(t.shopId);
        t.successor = next;
        Instant graceEnd = now.plus(RENEWAL_WINDOW);
        if (t.expiresAt.isAfter(graceEnd)) {
            t.expiresAt = graceEnd;
        }
        if (t.refreshExpiresAt.isAfter(graceEnd)) {
            t.refreshExpiresAt = graceEnd;
        }
        return tokenAnswer(next);
    }

    private Token issue(String shopId) {
        Instant now = clock.now();
        Token t = new Token(shopId, HexFormat.of().formatHex(bytes(16)), HexFormat.of().formatHex(bytes(16)),
                now.plus(TOKEN_TTL), now.plus(REFRESH_TTL));
        tokens.put(t.access, t);
        byRefresh.put(t.refresh, t);
        return t;
    }

    private Map<String, Object> tokenAnswer(Token t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", t.access);
        data.put("expires_in", Math.max(0, (Duration.between(clock.now(), t.expiresAt).toMillis() + 999) / 1000));
        data.put("refresh_token", t.refresh);
        data.put("scope", "SCOPE");
        data.put("shop_id", t.shopId);
        data.put("shop_name", "发货演示旗舰店");
        data.put("authority_id", "");
        return ok(data);
    }

    /** A merchant consents to this (tool) app: the code its callback would receive. */
    public String authorizationCode(String shopId) {
        shops.add(shopId);
        String code = HexFormat.of().formatHex(bytes(12));
        authCodes.put(code, new AuthCode(shopId, clock.now().plus(AUTH_CODE_TTL)));
        return code;
    }

    /** The platform forgets a token (revoked, or a test wants "isv.access-token-no-existed"). */
    public void revokeToken(String accessToken) {
        tokens.remove(accessToken);
    }

    private Map<String, Object> searchList(String shop, Map<String, Object> p) {
        long size = num(p.get("size"), 20);
        long page = num(p.get("page"), 0);
        if (size < 1 || size > 100) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid:20008", "size 不能超过 100");
        }
        if (page < 0) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid:20008", "page 从 0 开始");
        }
        boolean byUpdate = p.containsKey("update_time_start");
        Long start = byUpdate ? numOrNull(p.get("update_time_start")) : numOrNull(p.get("create_time_start"));
        if (start == null) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid:20011", "开始时间不能为空");
        }
        Long end = byUpdate ? numOrNull(p.get("update_time_end")) : numOrNull(p.get("create_time_end"));
        Instant now = clock.now();
        if (Instant.ofEpochSecond(start).isBefore(now.minus(Duration.ofDays(90)))) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid:20022", "只能查询最近 90 天的订单");
        }
        if ((page + 1) * size > 50_000) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid:20013", "最多可翻页查询 50000 条订单,请缩小时间范围");
        }
        long endSec = end == null ? now.getEpochSecond() : end;
        String orderBy = str(p.getOrDefault("order_by", "create_time"));
        boolean asc = Boolean.TRUE.equals(p.get("order_asc"));
        Comparator<SimOrder> cmp = Comparator.comparing((SimOrder o) -> "update_time".equals(orderBy) ? o.updateTime : o.createTime)
                .thenComparing(o -> o.orderId);
        if (!asc) {
            cmp = cmp.reversed();
        }
        Integer statusFilter = statusFilter(p.get("combine_status"));
        List<SimOrder> matching;
        synchronized (this) {
            matching = orders.values().stream()
                    .filter(o -> o.shopId.equals(shop))
                    .filter(o -> {
                        long t = (byUpdate ? o.updateTime : o.createTime).getEpochSecond();
                        return t >= start && t <= endSec;
                    })
                    .filter(o -> statusFilter == null || o.status == statusFilter)
                    .sorted(cmp).toList();
        }
        List<Map<String, Object>> pageRows = matching.stream().skip(page * size).limit(size).map(this::render).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("page", page);
        data.put("size", size);
        data.put("total", matching.size());
        data.put("shop_order_list", pageRows);
        return ok(data);
    }

    @SuppressWarnings("unchecked")
    private static Integer statusFilter(Object combine) {
        if (combine instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m && m.get("order_status") != null) {
            return (int) num(((Map<String, Object>) m).get("order_status"), 0);
        }
        return null;
    }

    private Map<String, Object> orderDetail(String shop, Map<String, Object> p) {
        SimOrder o = orders.get(stripA(str(p.get("shop_order_id"))));
        if (o == null || !o.shopId.equals(shop)) {
            return error(50002, "业务处理失败", "isv.business-failed:60033", "订单不存在");
        }
        synchronized (this) {
            return ok(Map.of("shop_order_detail", render(o)));
        }
    }

    private Map<String, Object> batchDecrypt(String shop, Map<String, Object> p) {
        if (!(p.get("cipher_infos") instanceof List<?> infos) || infos.isEmpty()) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "cipher_infos is required");
        }
        if (infos.size() > 50) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "cipher_infos 最多 50 条");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object info : infos) {
            Map<?, ?> m = (Map<?, ?>) info;
            String authId = str(m.get("auth_id"));
            String cipherText = str(m.get("cipher_text"));
            Cipher c = ciphers.get(cipherText);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("auth_id", authId);
            d.put("cipher_text", cipherText);
            SimOrder owner = c == null ? null : orders.get(c.orderId());
            if (c == null || !c.orderId().equals(authId) || owner == null || !owner.shopId.equals(shop)) {
                d.put("decrypt_text", "");
                d.put("err_no", 300008);
                d.put("err_msg", c == null ? "密文不存在" : "密文与订单不匹配");
            } else {
                d.put("decrypt_text", c.plain());
                d.put("err_no", 0);
                d.put("err_msg", "");
                d.put("data_type", c.dataType());
                d.put("is_virtual_tel", false);
            }
            out.add(d);
        }
        return ok(Map.of("decrypt_infos", out, "custom_err", Map.of("err_code", 0, "err_msg", "")));
    }

    private synchronized Map<String, Object> logisticsAdd(String shop, Map<String, Object> p) {
        String orderId = stripA(str(p.get("order_id")));
        String company = str(p.get("company_code"));
        String tracking = str(p.get("logistics_code"));
        if (blank(orderId) || blank(company) || blank(tracking)) {
            return error(40002, "缺少业务参数", "isv.missing-parameter", "order_id, company_code and logistics_code are required");
        }
        SimOrder o = orders.get(orderId);
        if (o != null && !o.shopId.equals(shop)) {
            o = null;
        }
        String refusal = null;
        String subCode = null;
        if (o == null) {
            subCode = "isv.business-failed:60033";
            refusal = "订单不存在";
        } else if (!COMPANIES.containsKey(company)) {
            subCode = "isv.business-failed:60018";
            refusal = "物流公司编码不存在";
        } else {
            Map<String, Object> why = shippingRefusal(o);
            if (why != null) {
                subCode = (String) why.get("sub_code");
                refusal = (String) why.get("sub_msg");
            }
        }
        Instant now = clock.now();
        ledger.add(new WriteBack(orderId, company, tracking, now, refusal == null, refusal));
        if (refusal != null) {
            return error(50002, "业务处理失败", subCode, refusal);
        }
        o.status = 3;
        o.shipTime = now;
        o.updateTime = now;
        o.logistics.add(new SimOrder.Logistics(tracking, company, COMPANIES.get(company), now));
        return ok(Map.of());
    }

    private final Map<String, Map<String, Object>> multiPackAnswers = new ConcurrentHashMap<>();

    /** Several parcels for one order, all or nothing; the same request_id gets the same answer. */
    @SuppressWarnings("unchecked")
    private synchronized Map<String, Object> logisticsAddMultiPack(String shop, Map<String, Object> p) {
        String orderId = stripA(str(p.get("order_id")));
        String requestId = str(p.get("request_id"));
        if (blank(orderId) || blank(requestId) || !(p.get("pack_list") instanceof List<?> packs) || packs.isEmpty()) {
            return error(40002, "缺少业务参数", "isv.missing-parameter", "order_id, request_id and pack_list are required");
        }
        Map<String, Object> earlier = multiPackAnswers.get(shop + "|" + requestId);
        if (earlier != null) {
            return earlier;
        }
        SimOrder o = orders.get(orderId);
        if (o == null || !o.shopId.equals(shop)) {
            return error(50002, "业务处理失败", "isv.business-failed:60033", "订单不存在");
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        o.skus.forEach(sku -> ordered.put(sku.subOrderId(), sku.itemNum()));
        Map<String, Integer> shipped = new LinkedHashMap<>();
        for (Object pack : packs) {
            Map<String, Object> m = (Map<String, Object>) pack;
            if (!COMPANIES.containsKey(str(m.get("company_code"))) || blank(str(m.get("logistics_code")))) {
                return error(50002, "业务处理失败", "isv.business-failed:60018", "物流公司编码或运单号不正确");
            }
            if (!(m.get("shipped_order_info") instanceof List<?> infos) || infos.isEmpty()) {
                return error(40004, "业务参数不合法", "isv.parameter-invalid", "每个包裹需要 shipped_order_info");
            }
            for (Object info : infos) {
                Map<String, Object> i = (Map<String, Object>) info;
                String sub = str(i.get("shipped_order_id"));
                if (!ordered.containsKey(sub)) {
                    return error(40004, "业务参数不合法", "isv.parameter-invalid", "子订单 " + sub + " 不属于该订单");
                }
                shipped.merge(sub, (int) num(i.get("shipped_num"), 0), Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : shipped.entrySet()) {
            if (e.getValue() <= 0 || e.getValue() > ordered.get(e.getKey())) {
                return error(40004, "业务参数不合法", "isv.parameter-invalid", "子订单 " + e.getKey() + " 发货数量不正确");
            }
        }
        Map<String, Object> refusal = shippingRefusal(o);
        Instant now = clock.now();
        if (refusal != null) {
            for (Object pack : packs) {
                ledger.add(new WriteBack(orderId, str(((Map<String, Object>) pack).get("company_code")),
                        str(((Map<String, Object>) pack).get("logistics_code")), now, false, (String) refusal.get("sub_msg")));
            }
            return refusal;
        }
        List<Map<String, Object>> answered = new ArrayList<>();
        for (Object pack : packs) {
            Map<String, Object> m = (Map<String, Object>) pack;
            String company = str(m.get("company_code"));
            String tracking = str(m.get("logistics_code"));
            ledger.add(new WriteBack(orderId, company, tracking, now, true, null));
            o.logistics.add(new SimOrder.Logistics(tracking, company, COMPANIES.get(company), now));
            answered.add(Map.of("pack_id", HexFormat.of().formatHex(bytes(8)), "logistics_code", tracking));
        }
        boolean all = ordered.entrySet().stream().allMatch(e -> shipped.getOrDefault(e.getKey(), 0).equals(e.getValue()));
        o.status = all ? 3 : 101;
        o.shipTime = now;
        o.updateTime = now;
        Map<String, Object> answer = ok(Map.of("pack_list", answered));
        multiPackAnswers.put(shop + "|" + requestId, answer);
        return answer;
    }

    /** Why the order cannot ship now, as the platform answers it, or null. */
    private Map<String, Object> shippingRefusal(SimOrder o) {
        if (o.status == 4) {
            return error(50002, "业务处理失败", "isv.business-failed:60021", "订单已取消,不能发货");
        }
        if (o.status == 3 || o.status == 5 || o.status == 101) {
            return error(50002, "业务处理失败", "isv.business-failed:60110", "订单已发货");
        }
        if (o.afterSaleStatus == 6) {
            return error(50002, "业务处理失败", "isv.business-failed:60040", "订单有退款申请,请先处理");
        }
        if (o.status == 105) {
            return error(50002, "业务处理失败", "isv.business-failed:60109", "订单风控审核中");
        }
        if (o.status != 2) {
            return error(50002, "业务处理失败", "isv.business-failed:60001", "订单当前状态不可发货");
        }
        return null;
    }

    // ---------------------------------------------------------------- scenario control

    public List<String> createOrders(int count, SimOrderFactory.Spec spec) {
        return createOrders(config.shopId(), count, spec);
    }

    public synchronized List<String> createOrders(String shopId, int count, SimOrderFactory.Spec spec) {
        shops.add(shopId);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Long.toString(orderSeq.addAndGet(1 + ThreadLocalRandom.current().nextInt(7)));
            SimOrder o = factory.create(id, shopId, clock.now(), spec, DemoCatalog.PRODUCTS);
            if (spec.receiverOf() != null) {
                SimOrder earlier = orders.get(spec.receiverOf());
                if (earlier == null) {
                    throw new IllegalArgumentException("no order " + spec.receiverOf() + " to copy the receiver from");
                }
                o.receiver = earlier.receiver;
            }
            o.cipherName = cipher(id, o.receiver.name(), 2);
            o.cipherTel = cipher(id, o.receiver.tel(), 3);
            o.cipherDetail = cipher(id, o.receiver.detail(), 1);
            orders.put(id, o);
            orderHooks.forEach(h -> h.accept(o));
            ids.add(id);
            pushTrade("100", o);
            if (o.status == 2 || o.status == 105) {
                pushTrade("101", o);
            }
        }
        return ids;
    }

    public synchronized boolean cancel(String orderId) {
        SimOrder o = orders.get(orderId);
        if (o == null || o.status == 3 || o.status == 5) {
            return false;
        }
        o.status = 4;
        o.updateTime = clock.now();
        pushTrade("106", o);
        return true;
    }

    /**
     * The buyer's new address takes effect (after a request, tag 111, when {@code requested}): new receiver,
     * new ciphertexts, tag 105. Only before shipping, as on the platform.
     */
    public synchronized boolean changeAddress(String orderId, String province, boolean requested) {
        SimOrder o = orders.get(orderId);
        if (o == null || (o.status != 1 && o.status != 2 && o.status != 105)) {
            return false;
        }
        SimOrder fresh = factory.create(orderId, o.shopId, clock.now(),
                new SimOrderFactory.Spec(null, null, null, false, false, province, null), DemoCatalog.PRODUCTS);
        o.receiver = fresh.receiver;
        o.cipherName = cipher(orderId, o.receiver.name(), 2);
        o.cipherTel = cipher(orderId, o.receiver.tel(), 3);
        o.cipherDetail = cipher(orderId, o.receiver.detail(), 1);
        o.updateTime = clock.now();
        if (requested) {
            pushTrade("111", o);
        }
        pushTrade("105", o);
        return true;
    }

    /**
     * Changes an order as the platform would, but its push is lost (so only a fetch or a refused write-back
     * tells Fahuo): {@code status}, {@code afterSaleStatus}, or shipped by someone else with {@code trackingNo}.
     */
    public synchronized boolean changeQuietly(String orderId, Integer status, Integer afterSaleStatus, String trackingNo) {
        SimOrder o = orders.get(orderId);
        if (o == null) {
            return false;
        }
        if (status != null) {
            o.status = status;
        }
        if (afterSaleStatus != null) {
            o.afterSaleStatus = afterSaleStatus;
        }
        if (trackingNo != null) {
            o.status = 3;
            o.shipTime = clock.now();
            o.logistics.add(new SimOrder.Logistics(trackingNo, "zhongtong", COMPANIES.get("zhongtong"), clock.now()));
        }
        o.updateTime = clock.now();
        return true;
    }

    /** The buyer asks for a refund (仅退款) of every line: after-sale pending, tag 200. */
    public synchronized boolean openRefund(String orderId) {
        SimOrder o = orders.get(orderId);
        if (o == null || o.status == 1 || o.status == 4 || o.afterSaleStatus != 0) {
            return false;
        }
        o.afterSaleStatus = 6;
        o.updateTime = clock.now();
        pushRefund("200", o);
        return true;
    }

    /**
     * The merchant (or the platform) agrees and the money goes back: tag 201, then 206; an order that had not
     * shipped is cancelled with it (tag 106).
     */
    public synchronized boolean completeRefund(String orderId) {
        SimOrder o = orders.get(orderId);
        if (o == null || o.afterSaleStatus != 6) {
            return false;
        }
        pushRefund("201", o);
        o.afterSaleStatus = 12;
        o.updateTime = clock.now();
        pushRefund("206", o);
        if (o.status == 2 || o.status == 105) {
            o.status = 4;
            pushTrade("106", o);
        }
        return true;
    }

    /** The buyer withdraws the request (after-sale closed, tag 207); the order may ship again. */
    public synchronized boolean withdrawRefund(String orderId) {
        SimOrder o = orders.get(orderId);
        if (o == null || o.afterSaleStatus != 6) {
            return false;
        }
        o.afterSaleStatus = 0;
        o.updateTime = clock.now();
        pushRefund("207", o);
        return true;
    }

    /** The merchant's remark on the platform (tag 113). */
    public synchronized boolean setSellerRemark(String orderId, String remark) {
        SimOrder o = orders.get(orderId);
        if (o == null) {
            return false;
        }
        o.sellerWords = remark;
        o.updateTime = clock.now();
        pushTrade("113", o);
        return true;
    }

    private void pushTrade(String tag, SimOrder o) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("p_id", Long.parseLong(o.orderId));
        data.put("s_ids", o.skus.stream().map(s -> Long.parseLong(s.subOrderId())).toList());
        data.put("shop_id", Long.parseLong(o.shopId));
        data.put("order_status", o.status);
        data.put("order_type", 0);
        data.put("biz", 2);
        data.put("create_time", o.createTime.getEpochSecond());
        data.put("update_time", o.updateTime.getEpochSecond());
        pusher.push(tag, data);
    }

    private void pushRefund(String tag, SimOrder o) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aftersale_id", Long.parseLong(o.orderId) + 7_000_000_000_000_000L % 1_000_000_000L);
        data.put("aftersale_status", o.afterSaleStatus);
        data.put("aftersale_type", 1);
        data.put("p_id", Long.parseLong(o.orderId));
        data.put("s_id", Long.parseLong(o.skus.get(0).subOrderId()));
        data.put("shop_id", Long.parseLong(o.shopId));
        data.put("refund_amount", o.payAmount());
        pusher.push(tag, data);
    }

    public synchronized boolean pay(String orderId) {
        SimOrder o = orders.get(orderId);
        if (o == null || o.status != 1) {
            return false;
        }
        o.status = 2;
        o.payTime = clock.now();
        o.expShipTime = o.payTime.plus(Duration.ofHours(48));
        o.updateTime = o.payTime;
        pushTrade("101", o);
        return true;
    }

    public synchronized Map<String, Object> snapshot(String orderId) {
        SimOrder o = orders.get(orderId);
        return o == null ? null : render(o);
    }

    public synchronized List<String> orderIds() {
        return orders.keySet().stream().sorted().toList();
    }

    public List<WriteBack> ledger() {
        return List.copyOf(ledger);
    }

    public synchronized void reset() {
        orders.clear();
        ciphers.clear();
        ledger.clear();
        multiPackAnswers.clear();
        tokens.clear();
        byRefresh.clear();
        authCodes.clear();
        shops.retainAll(java.util.Set.of(config.shopId()));
        knobs = Knobs.NONE;
        faults.clear();
        pusher.reset();
        resetHooks.forEach(Runnable::run);
    }

    // ---------------------------------------------------------------- rendering

    private Map<String, Object> render(SimOrder o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_id", o.orderId);
        m.put("shop_id", Long.parseLong(o.shopId));
        m.put("order_status", o.status);
        m.put("order_status_desc", statusDesc(o.status));
        m.put("create_time", o.createTime.getEpochSecond());
        m.put("update_time", o.updateTime.getEpochSecond());
        m.put("pay_time", o.payTime == null ? 0 : o.payTime.getEpochSecond());
        m.put("exp_ship_time", o.expShipTime == null ? 0 : o.expShipTime.getEpochSecond());
        m.put("ship_time", o.shipTime == null ? 0 : o.shipTime.getEpochSecond());
        m.put("order_amount", o.payAmount());
        m.put("pay_amount", o.payAmount());
        m.put("post_amount", o.postAmount);
        m.put("buyer_words", o.buyerWords == null ? "" : o.buyerWords);
        m.put("seller_words", o.sellerWords == null ? "" : o.sellerWords);
        m.put("encrypt_post_receiver", o.cipherName);
        m.put("encrypt_post_tel", o.cipherTel);
        m.put("mask_post_receiver", maskName(o.receiver.name()));
        m.put("mask_post_tel", maskTel(o.receiver.tel()));
        m.put("post_receiver", "");
        m.put("post_tel", "");
        m.put("post_addr", address(o, "", o.cipherDetail));
        m.put("mask_post_addr", address(o, maskDetail(o.receiver.detail()), null));
        List<Map<String, Object>> skus = new ArrayList<>();
        for (SimOrder.SkuOrder s : o.skus) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("order_id", s.subOrderId());
            sm.put("parent_order_id", o.orderId);
            sm.put("product_id", s.productId());
            sm.put("sku_id", s.skuId());
            sm.put("product_name", s.productName());
            sm.put("code", s.code());
            sm.put("out_sku_id", "");
            sm.put("item_num", s.itemNum());
            sm.put("pay_amount", s.payAmount());
            sm.put("order_status", o.status);
            List<Map<String, String>> spec = new ArrayList<>();
            for (String kv : s.spec().split(";")) {
                String[] parts = kv.split(":", 2);
                spec.add(Map.of("name", parts[0], "value", parts.length > 1 ? parts[1] : ""));
            }
            sm.put("spec", spec);
            sm.put("after_sale_info", Map.of("after_sale_status", o.afterSaleStatus, "refund_status", o.afterSaleStatus == 12 ? 3 : o.afterSaleStatus == 6 ? 1 : 0));
            skus.add(sm);
        }
        m.put("sku_order_list", skus);
        List<Map<String, Object>> logistics = new ArrayList<>();
        for (SimOrder.Logistics l : o.logistics) {
            logistics.add(Map.of("tracking_no", l.trackingNo(), "company", l.companyCode(), "company_name", l.companyName(),
                    "ship_time", l.shipTime().getEpochSecond()));
        }
        m.put("logistics_info", logistics);
        return m;
    }

    private static Map<String, Object> address(SimOrder o, String detail, String encryptDetail) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("province", Map.of("name", o.receiver.province(), "id", "33"));
        a.put("city", Map.of("name", o.receiver.city(), "id", "3301"));
        a.put("town", Map.of("name", o.receiver.town(), "id", "330106"));
        a.put("street", Map.of("name", o.receiver.street(), "id", "330106001"));
        a.put("detail", detail);
        if (encryptDetail != null) {
            a.put("encrypt_detail", encryptDetail);
        }
        return a;
    }

    private static String statusDesc(int status) {
        return switch (status) {
            case 1 -> "待支付";
            case 105 -> "已支付";
            case 2 -> "待发货";
            case 101 -> "部分发货";
            case 3 -> "已发货";
            case 4 -> "已取消";
            case 5 -> "已完成";
            default -> "未知";
        };
    }

    private String cipher(String orderId, String plain, int dataType) {
        String tag = switch (dataType) {
            case 1 -> "#ML3B#";
            case 2 -> "#NHrf#";
            default -> "$$1Gz$";
        };
        String text = tag + Base64.getEncoder().encodeToString(bytes(24)) + "#1##";
        ciphers.put(text, new Cipher(orderId, plain, dataType));
        return text;
    }

    static String maskName(String name) {
        return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }

    static String maskTel(String tel) {
        return tel.substring(0, 3) + "****" + tel.substring(tel.length() - 4);
    }

    static String maskDetail(String detail) {
        int keep = Math.min(4, detail.length() / 2);
        return detail.substring(0, keep) + "****";
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String stripA(String id) {
        return id != null && id.endsWith("A") ? id.substring(0, id.length() - 1) : id;
    }

    static Map<String, Object> ok(Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", OK);
        m.put("msg", "success");
        m.put("sub_code", "");
        m.put("sub_msg", "");
        m.put("log_id", logId());
        m.put("data", data);
        return m;
    }

    static Map<String, Object> error(int code, String msg, String subCode, String subMsg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("msg", msg);
        m.put("sub_code", subCode);
        m.put("sub_msg", subMsg);
        m.put("log_id", logId());
        m.put("data", Map.of());
        return m;
    }

    private static String logId() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(CHINA).format(Instant.now())
                + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array()).toUpperCase();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long num(Object o, long fallback) {
        Long n = numOrNull(o);
        return n == null ? fallback : n;
    }

    private static Long numOrNull(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A one-second token bucket per app. */
    private static final class RateLimiter {
        private long second;
        private int used;

        synchronized boolean tryAcquire(int perSecond) {
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                second = now;
                used = 0;
            }
            return ++used <= perSecond;
        }
    }
}
