package io.fahuo.platforms.doudian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.shared.Carrier;
import tools.jackson.databind.JsonNode;

/**
 * Pure conversion for Douyin's logistics methods: the e-waybill (抖音电子面单 {@code logistics.newCreateOrder},
 * {@code cancelOrder}, {@code listShopNetsite}, {@code waybillApply}), the carrier list, the correction of a
 * written-back number ({@code order.logisticsEdit}) and stock ({@code sku.syncStock}). No I/O.
 */
public final class DoudianLogisticsMapper {

    /** logistics.newCreateOrder takes at most this many orders per call. */
    public static final int MAX_WAYBILL_BATCH = 50;

    /** One parcel of a newCreateOrder call: the receiver is the order's protected form (the platform's ciphertexts). */
    public record WaybillOrder(String orderId, String packId, String protectedReceiver, List<ParcelItem> items) {
    }

    /** A waybill the platform could not issue, as {@code err_infos} names it. */
    public record WaybillError(String orderId, String packId, String code, String message) {
    }

    /** The answer to one newCreateOrder call: issued waybills by pack_id, refusals by pack_id. */
    public record WaybillAnswer(Map<String, IssuedWaybill> issued, Map<String, WaybillError> refused) {
    }

    /** What waybillApply gives to print one waybill. */
    public record PrintData(String trackingNumber, String printData, String sign) {
    }

    private DoudianLogisticsMapper() {
    }

    /** Douyin takes order ids without the trailing "A" some old ids carry. */
    public static String waybillOrderId(String platformOrderId) {
        return platformOrderId != null && platformOrderId.endsWith("A") ? platformOrderId.substring(0, platformOrderId.length() - 1)
                : platformOrderId;
    }

    public static Map<String, Object> newCreateOrderParams(String companyCode, Party sender, String netsiteCode,
                                                           List<WaybillOrder> orders) {
        if (orders.isEmpty() || orders.size() > MAX_WAYBILL_BATCH) {
            throw new IllegalArgumentException("logistics.newCreateOrder takes 1 to " + MAX_WAYBILL_BATCH + " orders");
        }
        Map<String, Object> senderAddress = new LinkedHashMap<>();
        senderAddress.put("country_code", "CHN");
        senderAddress.put("province_name", sender.province());
        senderAddress.put("city_name", sender.city());
        senderAddress.put("district_name", sender.district());
        senderAddress.put("detail_address", sender.address());
        Map<String, Object> senderContact = new LinkedHashMap<>();
        senderContact.put("name", sender.name());
        senderContact.put("mobile", sender.phone());
        List<Map<String, Object>> infos = new ArrayList<>();
        for (WaybillOrder o : orders) {
            JsonNode r = DoudianJson.parse(o.protectedReceiver());
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("country_code", "CHN");
            address.put("province_name", DoudianMapper.text(r, "province"));
            address.put("city_name", DoudianMapper.text(r, "city"));
            address.put("district_name", DoudianMapper.text(r, "district"));
            String street = DoudianMapper.text(r, "street");
            if (street != null && !street.isBlank()) {
                address.put("street_name", street);
            }
            address.put("detail_address", require(DoudianMapper.text(r, "detail"), "the receiver's encrypted address detail"));
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", require(DoudianMapper.text(r, "name"), "the receiver's encrypted name"));
            contact.put("mobile", require(DoudianMapper.text(r, "tel"), "the receiver's encrypted phone"));
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("order_id", waybillOrderId(o.orderId()));
            info.put("pack_id", o.packId());
            info.put("receiver_info", Map.of("address", address, "contact", contact));
            info.put("items", o.items().stream().map(i -> Map.<String, Object>of("item_name", i.name(), "item_count", i.quantity())).toList());
            if (netsiteCode != null && !netsiteCode.isBlank()) {
                info.put("net_info", Map.of("category", "2", "net_code", netsiteCode));
            }
            infos.add(info);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sender_info", Map.of("address", senderAddress, "contact", senderContact));
        p.put("logistics_code", companyCode);
        p.put("order_infos", infos);
        return p;
    }

    /** Reads {@code ebill_infos} (sort code, 集包地, 大头笔, sub-numbers) and {@code err_infos}, keyed by pack_id. */
    public static WaybillAnswer waybills(JsonNode data, Carrier carrier) {
        Map<String, IssuedWaybill> issued = new LinkedHashMap<>();
        for (JsonNode e : data.path("ebill_infos")) {
            String subs = DoudianMapper.text(e, "sub_waybill_codes");
            List<String> subNumbers = subs == null || subs.isBlank() ? List.of()
                    : Arrays.stream(subs.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            String mark = firstNonBlank(DoudianMapper.text(e, "short_address_name"), DoudianMapper.text(e, "short_address_code"));
            String center = firstNonBlank(DoudianMapper.text(e, "package_center_name"), DoudianMapper.text(e, "package_center_code"));
            issued.put(key(e), new IssuedWaybill(carrier, DoudianMapper.text(e, "track_no"), mark, DoudianMapper.text(e, "sort_code"),
                    center, subNumbers));
        }
        Map<String, WaybillError> refused = new LinkedHashMap<>();
        for (JsonNode e : data.path("err_infos")) {
            refused.put(key(e), new WaybillError(DoudianMapper.text(e, "order_id"), DoudianMapper.text(e, "pack_id"),
                    DoudianMapper.text(e, "err_code"), DoudianMapper.text(e, "err_msg")));
        }
        return new WaybillAnswer(issued, refused);
    }

    private static String key(JsonNode e) {
        String pack = DoudianMapper.text(e, "pack_id");
        return pack == null || pack.isBlank() ? DoudianMapper.text(e, "order_id") : pack;
    }

    public static Map<String, Object> cancelOrderParams(String companyCode, String trackingNumber) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("logistics_code", companyCode);
        p.put("track_no", trackingNumber);
        return p;
    }

    /**
     * The balance of the shop's netsites for a carrier ({@code amount}, a string in the platform's answer). With
     * a netsite code only that netsite counts; {@code total} adds the numbers already taken when the platform says.
     */
    public static WaybillBalance balance(JsonNode data, String netsiteCode) {
        int available = 0;
        long taken = 0;
        boolean takenKnown = true;
        boolean any = false;
        for (JsonNode n : data.path("netsites")) {
            if (netsiteCode != null && !netsiteCode.isBlank() && !netsiteCode.equals(DoudianMapper.text(n, "netsite_code"))) {
                continue;
            }
            any = true;
            String amount = DoudianMapper.text(n, "amount");
            available += amount == null || amount.isBlank() ? 0 : Integer.parseInt(amount.strip());
            long allocated = n.path("allocated_quantity").asLong(-1);
            if (allocated < 0) {
                takenKnown = false;
            } else {
                taken += allocated;
            }
        }
        if (!any) {
            throw new IllegalArgumentException(netsiteCode == null || netsiteCode.isBlank()
                    ? "the shop has no netsite for this carrier" : "the shop has no netsite " + netsiteCode);
        }
        return new WaybillBalance(available, takenKnown ? (int) (available + taken) : null);
    }

    /** order.logisticsCompanyList: {@code [{id, name, code}]} (also accepted wrapped in an object's list field). */
    public static Map<String, String> companies(JsonNode data) {
        JsonNode list = data.isArray() ? data : data.path("data").isArray() ? data.path("data") : data.path("list");
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : list) {
            out.put(DoudianMapper.text(c, "code"), DoudianMapper.text(c, "name"));
        }
        return out;
    }

    public static Map<String, Object> waybillApplyParams(String companyCode, List<String> trackingNumbers) {
        return Map.of("waybill_applies", trackingNumbers.stream()
                .map(n -> Map.<String, Object>of("logistics_code", companyCode, "track_no", n)).toList());
    }

    /** waybillApply's {@code waybill_infos}; a number listed under {@code err_infos} is absent. */
    public static Map<String, PrintData> printData(JsonNode data) {
        Map<String, PrintData> out = new LinkedHashMap<>();
        for (JsonNode w : data.path("waybill_infos")) {
            String no = DoudianMapper.text(w, "track_no");
            out.put(no, new PrintData(no, DoudianMapper.text(w, "print_data"), DoudianMapper.text(w, "sign")));
        }
        return out;
    }

    /** Why waybillApply refused a number, from {@code err_infos}. */
    public static Map<String, String> printRefusals(JsonNode data) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode e : data.path("err_infos")) {
            out.put(DoudianMapper.text(e, "track_no"), DoudianMapper.text(e, "err_code") + " " + DoudianMapper.text(e, "err_msg"));
        }
        return out;
    }

    public static Map<String, Object> logisticsEditParams(String platformOrderId, String companyCode, String trackingNumber) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order_id", platformOrderId);
        p.put("company_code", companyCode);
        p.put("logistics_code", trackingNumber);
        return p;
    }

    /**
     * sku.syncStock by merchant SKU code: {@code incremental} adds {@code stockNum} (may be negative) and needs the
     * idempotent id; otherwise {@code stockNum} is the absolute stock (0 allowed).
     */
    public static Map<String, Object> syncStockParams(String skuCode, boolean incremental, String idempotentId, long stockNum) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", skuCode);
        p.put("incremental", incremental);
        if (incremental) {
            p.put("idempotent_id", require(idempotentId, "idempotent_id (incremental stock needs one)"));
        } else if (stockNum < 0) {
            throw new IllegalArgumentException("absolute stock cannot be negative");
        }
        p.put("stock_num", stockNum);
        return p;
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    private static String firstNonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}
