package io.fahuo.simulator.doudian;

import static io.fahuo.simulator.doudian.DoudianPlatform.error;
import static io.fahuo.simulator.doudian.DoudianPlatform.ok;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.parcels.ParcelJourneys;

/**
 * The simulated platform's logistics side: Douyin e-waybills (抖音电子面单) issued to a shop's netsites
 * ({@code logistics.newCreateOrder}: ≤ 50 orders, the same order_id + pack_id gives the same number, the
 * receiver as the order's own ciphertext; {@code cancelOrder} until the carrier collects the parcel;
 * {@code listShopNetsite} with the balance each waybill takes one from; {@code waybillApply} print data) and
 * the correction of a written-back number ({@code order.logisticsEdit}). Every waybill and edit is kept.
 * Issued parcels travel through the shared simulated carriers, so courier traces know them.
 *
 * <p>Business error codes of these methods are not public; the ones here are this simulator's own
 * ({@code err_code} 100001… in {@code err_infos}, {@code isv.business-failed:1000xx} for whole calls).
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class SimLogistics {

    public static final int MAX_ORDERS_PER_CALL = 50;
    public static final int MAX_PRINT_PER_CALL = 100;

    /** A waybill the platform issued. */
    public static final class Waybill {
        public final String shopId;
        public final String orderId;
        public final String packId;
        public final String company;
        public final String trackNo;
        public final String netsiteCode;
        public final String sortCode;
        public final String packageCenterName;
        public final String shortAddressName;
        public final Instant issuedAt;
        volatile Instant cancelledAt;

        Waybill(String shopId, String orderId, String packId, String company, String trackNo, String netsiteCode, String sortCode,
                String packageCenterName, String shortAddressName, Instant issuedAt) {
            this.shopId = shopId;
            this.orderId = orderId;
            this.packId = packId;
            this.company = company;
            this.trackNo = trackNo;
            this.netsiteCode = netsiteCode;
            this.sortCode = sortCode;
            this.packageCenterName = packageCenterName;
            this.shortAddressName = shortAddressName;
            this.issuedAt = issuedAt;
        }

        public Instant cancelledAt() {
            return cancelledAt;
        }
    }

    /** A netsite (网点) of a shop for one carrier, with its e-waybill balance. */
    static final class Netsite {
        final String code;
        final String name;
        int amount;
        int allocated;
        int cancelled;

        Netsite(String code, String name, int amount) {
            this.code = code;
            this.name = name;
            this.amount = amount;
        }
    }

    /** One order.logisticsEdit call as the platform answered it. */
    public record Edit(String shopId, String orderId, String company, String oldTrackNo, String newTrackNo, Instant at, boolean accepted,
                       String refusal) {
    }

    /** Shipper codes of the shared simulated carriers (Kdniao's names) for Douyin company codes. */
    static final Map<String, String> CARRIER_CODES = Map.of("zhongtong", "ZTO", "yuantong", "YTO", "shentong", "STO", "yunda", "YD",
            "shunfeng", "SF", "jd", "JD", "jtexpress", "JTSD", "ems", "EMS", "debangwuliu", "DBL");

    private final DoudianPlatform platform;
    private final ParcelJourneys parcels;
    private final SimClock clock;
    private final Map<String, Waybill> byPack = new ConcurrentHashMap<>();
    private final Map<String, Waybill> byTrackNo = new ConcurrentHashMap<>();
    private final Map<String, List<Netsite>> netsites = new ConcurrentHashMap<>();
    private final List<Edit> edits = new CopyOnWriteArrayList<>();
    private volatile int initialBalance = 10_000;

    public SimLogistics(DoudianPlatform platform, ParcelJourneys parcels, SimClock clock) {
        this.platform = platform;
        this.parcels = parcels;
        this.clock = clock;
        platform.serve("logistics.newCreateOrder", this::newCreateOrder, this::reset);
        platform.serve("logistics.cancelOrder", this::cancelOrder, null);
        platform.serve("logistics.listShopNetsite", this::listShopNetsite, null);
        platform.serve("logistics.waybillApply", this::waybillApply, null);
        platform.serve("order.logisticsEdit", this::logisticsEdit, null);
    }

    // ---------------------------------------------------------------- logistics.newCreateOrder

    @SuppressWarnings("unchecked")
    private Map<String, Object> newCreateOrder(String shop, Map<String, Object> p) {
        String company = str(p.get("logistics_code"));
        if (!DoudianPlatform.COMPANIES.containsKey(company)) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "logistics_code " + company + " 不存在");
        }
        if (!(p.get("order_infos") instanceof List<?> infos) || infos.isEmpty()) {
            return error(40002, "缺少业务参数", "isv.missing-parameter", "order_infos is required");
        }
        if (infos.size() > MAX_ORDERS_PER_CALL) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "order_infos 最多 " + MAX_ORDERS_PER_CALL + " 条");
        }
        Map<String, Object> sender = map(p.get("sender_info"));
        Map<String, Object> senderAddress = map(sender.get("address"));
        Map<String, Object> senderContact = map(sender.get("contact"));
        for (String f : List.of("province_name", "city_name", "district_name", "detail_address")) {
            if (blank(str(senderAddress.get(f)))) {
                return error(40002, "缺少业务参数", "isv.missing-parameter", "sender_info.address." + f + " is required");
            }
        }
        if (blank(str(senderContact.get("name"))) || (blank(str(senderContact.get("mobile"))) && blank(str(senderContact.get("phone"))))) {
            return error(40002, "缺少业务参数", "isv.missing-parameter", "sender_info.contact needs name and mobile or phone");
        }
        List<Map<String, Object>> issued = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Object info : infos) {
            Map<String, Object> o = (Map<String, Object>) info;
            String orderId = str(o.get("order_id"));
            String packId = blank(str(o.get("pack_id"))) ? "" : str(o.get("pack_id"));
            Object answer = issueOne(shop, company, str(senderContact.get("mobile")), str(senderAddress.get("city_name")), orderId, packId, o);
            if (answer instanceof Waybill w) {
                issued.add(render(w));
            } else {
                String[] codeAndMessage = (String[]) answer;
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("order_id", orderId);
                e.put("pack_id", packId);
                e.put("err_code", codeAndMessage[0]);
                e.put("err_msg", codeAndMessage[1]);
                refused.add(e);
            }
        }
        return ok(Map.of("ebill_infos", issued, "err_infos", refused));
    }

    /** A waybill, or {code, message} when this order cannot have one. */
    private Object issueOne(String shop, String company, String senderMobile, String senderCity, String orderId, String packId,
                            Map<String, Object> info) {
        synchronized (platform) {
            SimOrder o = platform.order(orderId);
            if (o == null || !o.shopId.equals(shop)) {
                return new String[] {"100001", "订单不存在"};
            }
            String key = shop + "|" + o.orderId + "|" + packId;
            Waybill earlier = byPack.get(key);
            if (earlier != null) {
                return earlier.cancelledAt != null ? new String[] {"100005", "该包裹的运单已取消,请使用新的 pack_id"} : earlier;
            }
            switch (o.status) {
                case 1 -> {
                    return new String[] {"100002", "订单未支付,不能取号"};
                }
                case 105 -> {
                    return new String[] {"100002", "订单风控审核中,不能取号"};
                }
                case 4 -> {
                    return new String[] {"100003", "订单已取消,不能取号"};
                }
                case 5 -> {
                    return new String[] {"100002", "订单已完成,不能取号"};
                }
                default -> {
                    // 2 awaiting shipment, 101 partly shipped, 3 shipped (a new waybill after an address change)
                }
            }
            Map<String, Object> receiver = map(info.get("receiver_info"));
            Map<String, Object> address = map(receiver.get("address"));
            Map<String, Object> contact = map(receiver.get("contact"));
            if (!matches(str(contact.get("name")), o.cipherName, o.receiver.name())
                    || !matches(firstNonBlank(str(contact.get("mobile")), str(contact.get("phone"))), o.cipherTel, o.receiver.tel())
                    || !matches(str(address.get("detail_address")), o.cipherDetail, o.receiver.detail())) {
                return new String[] {"100004", "收件人信息与订单不匹配"};
            }
            Map<String, Object> net = map(info.get("net_info"));
            List<Netsite> sites = netsitesOf(shop, company);
            String netCode = str(net.get("net_code"));
            Netsite site = blank(netCode) ? sites.get(0) : sites.stream().filter(s -> s.code.equals(netCode)).findFirst().orElse(null);
            if (site == null) {
                return new String[] {"100006", "网点 " + netCode + " 未开通电子面单"};
            }
            if (site.amount < 1) {
                return new String[] {"100007", "电子面单余额不足"};
            }
            site.amount--;
            site.allocated++;
            String city = o.receiver.city().replace("市", "");
            int h = Math.abs((o.orderId + packId).hashCode());
            String trackNo = number(company);
            Waybill w = new Waybill(shop, o.orderId, packId, company, trackNo, site.code,
                    String.format("%03d-%s%02d-%02d", 100 + h % 800, (char) ('A' + h % 26), h % 40, h % 30),
                    o.receiver.province().replaceAll("(省|市|自治区)", "") + city + "转运中心",
                    city + " " + (char) ('A' + h % 8) + String.format("%02d", h % 60), clock.now());
            byPack.put(key, w);
            byTrackNo.put(trackNo, w);
            parcels.start("doudian:" + shop, CARRIER_CODES.get(company), trackNo, senderMobile, senderCity, o.receiver.city(), null);
            return w;
        }
    }

    /** The platform takes its own ciphertext of the order, or the plaintext itself. */
    private static boolean matches(String given, String cipher, String plain) {
        return given != null && (given.equals(cipher) || given.equals(plain));
    }

    private static Map<String, Object> render(Waybill w) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("order_id", w.orderId);
        e.put("pack_id", w.packId);
        e.put("company", w.company);
        e.put("track_no", w.trackNo);
        e.put("sort_code", w.sortCode);
        e.put("package_center_code", "P" + Math.abs(w.packageCenterName.hashCode() % 100000));
        e.put("package_center_name", w.packageCenterName);
        e.put("short_address_code", Integer.toString(Math.abs(w.shortAddressName.hashCode() % 1000)));
        e.put("short_address_name", w.shortAddressName);
        e.put("sub_waybill_codes", "");
        e.put("hint_msg", "");
        return e;
    }

    // ---------------------------------------------------------------- logistics.cancelOrder

    private Map<String, Object> cancelOrder(String shop, Map<String, Object> p) {
        String company = str(p.get("logistics_code"));
        String trackNo = str(p.get("track_no"));
        if (blank(company) || blank(trackNo)) {
            return error(40002, "缺少业务参数", "isv.missing-parameter", "logistics_code and track_no are required");
        }
        synchronized (platform) {
            Waybill w = byTrackNo.get(trackNo);
            if (w == null || !w.shopId.equals(shop) || !w.company.equals(company)) {
                return error(50002, "业务处理失败", "isv.business-failed:100010", "运单不存在");
            }
            if (w.cancelledAt != null) {
                return ok(Map.of("cancel_result", true));
            }
            if (!parcels.withdraw(trackNo)) {
                return error(50002, "业务处理失败", "isv.business-failed:100011", "快递员已揽收,运单不能取消");
            }
            w.cancelledAt = clock.now();
            netsitesOf(shop, company).stream().filter(s -> s.code.equals(w.netsiteCode)).forEach(s -> {
                s.amount++;
                s.cancelled++;
            });
            return ok(Map.of("cancel_result", true));
        }
    }

    // ---------------------------------------------------------------- logistics.listShopNetsite

    private Map<String, Object> listShopNetsite(String shop, Map<String, Object> p) {
        String company = str(p.get("logistics_code"));
        if (!DoudianPlatform.COMPANIES.containsKey(company)) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "logistics_code " + company + " 不存在");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (platform) {
            for (Netsite s : netsitesOf(shop, company)) {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("netsite_code", s.code);
                n.put("netsite_name", s.name);
                n.put("amount", Integer.toString(s.amount));
                n.put("allocated_quantity", s.allocated);
                n.put("cancelled_quantity", s.cancelled);
                n.put("recycled_quantity", 0);
                n.put("company", company);
                n.put("company_type", 2);
                n.put("sender_address", List.of(Map.of("province_name", "浙江省", "city_name", "杭州市", "district_name", "滨江区",
                        "street_name", "", "detail_address", "江南大道100号")));
                out.add(n);
            }
        }
        return ok(Map.of("logistics_code", company, "company_type", 2, "netsites", out));
    }

    private List<Netsite> netsitesOf(String shop, String company) {
        return netsites.computeIfAbsent(shop + "|" + company, k -> new ArrayList<>(List.of(
                new Netsite(company.toUpperCase() + "-571001", DoudianPlatform.COMPANIES.get(company) + "杭州滨江网点", initialBalance))));
    }

    // ---------------------------------------------------------------- logistics.waybillApply

    @SuppressWarnings("unchecked")
    private Map<String, Object> waybillApply(String shop, Map<String, Object> p) {
        if (!(p.get("waybill_applies") instanceof List<?> applies) || applies.isEmpty()) {
            return error(40002, "缺少业务参数", "isv.missing-parameter", "waybill_applies is required");
        }
        if (applies.size() > MAX_PRINT_PER_CALL) {
            return error(40004, "业务参数不合法", "isv.parameter-invalid", "waybill_applies 最多 " + MAX_PRINT_PER_CALL + " 条");
        }
        List<Map<String, Object>> infos = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Object a : applies) {
            Map<String, Object> m = (Map<String, Object>) a;
            String trackNo = str(m.get("track_no"));
            Waybill w = trackNo == null ? null : byTrackNo.get(trackNo);
            if (w == null || !w.shopId.equals(shop) || !w.company.equals(str(m.get("logistics_code")))) {
                refused.add(Map.of("track_no", String.valueOf(trackNo), "err_code", "100010", "err_msg", "运单不存在"));
            } else if (w.cancelledAt != null) {
                refused.add(Map.of("track_no", trackNo, "err_code", "100012", "err_msg", "运单已取消"));
            } else {
                String printData = Base64.getEncoder().encodeToString(("DYPRINT|" + w.company + "|" + w.trackNo + "|" + w.sortCode)
                        .getBytes(StandardCharsets.UTF_8));
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("order_id", w.orderId);
                info.put("track_no", w.trackNo);
                info.put("print_data", printData);
                info.put("sign", md5(printData + w.shopId));
                infos.add(info);
            }
        }
        return ok(Map.of("waybill_infos", infos, "err_infos", refused));
    }

    // ---------------------------------------------------------------- order.logisticsEdit

    /**
     * Replaces the written-back number of a shipped order (one parcel). An order that did not ship yet must
     * use logisticsAdd; a cancelled or completed one cannot change.
     */
    private Map<String, Object> logisticsEdit(String shop, Map<String, Object> p) {
        String orderId = str(p.get("order_id"));
        String company = str(p.get("company_code"));
        String trackNo = str(p.get("logistics_code"));
        if (blank(orderId) || blank(company) || blank(trackNo)) {
            return error(40002, "缺少业务参数", "isv.missing-parameter", "order_id, company_code and logistics_code are required");
        }
        synchronized (platform) {
            SimOrder o = platform.order(orderId);
            if (o == null || !o.shopId.equals(shop)) {
                return error(50002, "业务处理失败", "isv.business-failed:60033", "订单不存在");
            }
            String old = o.logistics.isEmpty() ? null : o.logistics.get(o.logistics.size() - 1).trackingNo();
            Map<String, Object> refusal = null;
            if (!DoudianPlatform.COMPANIES.containsKey(company)) {
                refusal = error(50002, "业务处理失败", "isv.business-failed:60018", "物流公司编码不正确");
            } else if (o.status == 4) {
                refusal = error(50002, "业务处理失败", "isv.business-failed:60021", "订单已取消,不能修改物流信息");
            } else if (o.status == 5) {
                refusal = error(50002, "业务处理失败", "isv.business-failed:100021", "订单已完成,不能修改物流信息");
            } else if (o.logistics.isEmpty() || (o.status != 3 && o.status != 101)) {
                refusal = error(50002, "业务处理失败", "isv.business-failed:100020", "订单未发货,请使用发货接口");
            } else if (o.logistics.size() > 1) {
                refusal = error(50002, "业务处理失败", "isv.business-failed:100022", "订单有多个包裹,不能整单修改物流信息");
            }
            Instant now = clock.now();
            if (refusal != null) {
                edits.add(new Edit(shop, o.orderId, company, old, trackNo, now, false, (String) refusal.get("sub_msg")));
                return refusal;
            }
            SimOrder.Logistics before = o.logistics.get(0);
            o.logistics.set(0, new SimOrder.Logistics(trackNo, company, DoudianPlatform.COMPANIES.get(company), before.shipTime()));
            o.updateTime = now;
            edits.add(new Edit(shop, o.orderId, company, old, trackNo, now, true, null));
            return ok(Map.of());
        }
    }

    // ---------------------------------------------------------------- control

    public List<Waybill> waybills() {
        return byTrackNo.values().stream().sorted(java.util.Comparator.comparing((Waybill w) -> w.issuedAt).thenComparing(w -> w.trackNo))
                .toList();
    }

    public List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** Sets the balance of a shop's netsite(s) for a carrier. */
    public void setBalance(String shop, String company, int amount) {
        synchronized (platform) {
            netsitesOf(shop, company).forEach(s -> s.amount = amount);
        }
    }

    public void setInitialBalance(int amount) {
        initialBalance = amount;
    }

    public void reset() {
        byPack.clear();
        byTrackNo.clear();
        netsites.clear();
        edits.clear();
        initialBalance = 10_000;
    }

    // ---------------------------------------------------------------- helpers

    /** A number in the carrier's own format. */
    static String number(String company) {
        return switch (company) {
            case "zhongtong" -> "7" + "3456".charAt(ThreadLocalRandom.current().nextInt(4)) + digits(12);
            case "yuantong" -> "YT" + digits(13);
            case "shentong" -> "77" + digits(12);
            case "yunda" -> "4" + digits(14);
            case "shunfeng" -> "SF" + digits(13);
            case "jd" -> "JDV" + digits(12);
            case "jtexpress" -> "JT" + digits(13);
            case "ems" -> "9" + digits(12);
            case "debangwuliu" -> "DPK" + digits(12);
            default -> throw new IllegalArgumentException("no number format for " + company);
        };
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String a, String b) {
        return blank(a) ? b : a;
    }
}
