package io.fahuo.simulator.kdniao;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fahuo.simulator.parcels.Scan;

/**
 * How Kdniao writes a parcel's scans: trace lines {@code {AcceptTime, AcceptStation, Location, Action}}, the
 * overall State (0–4) and, in the 在途监控 services, StateEx and each line's Action code.
 */
final class KdniaoTraces {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    private KdniaoTraces() {
    }

    static String action(Scan.Kind kind) {
        return switch (kind) {
            case COLLECTED -> "1";
            case DEPARTED, ARRIVED -> "2";
            case ARRIVED_DESTINATION_CITY -> "201";
            case OUT_FOR_DELIVERY -> "202";
            case DELIVERED -> "301";
            case LOST -> "4";
            case REFUSED -> "404";
            case INTERCEPTED -> "413";
            case RETURNING -> "407";
            case RETURNED -> "406";
        };
    }

    static String text(Scan s) {
        return switch (s.kind()) {
            case COLLECTED -> "【" + s.site() + "】已揽收";
            case DEPARTED -> "快件已从【" + s.site() + "】发出";
            case ARRIVED -> "快件已到达【" + s.site() + "】";
            case ARRIVED_DESTINATION_CITY -> "快件已到达【" + s.site() + "】,即将派送";
            case OUT_FOR_DELIVERY -> "【" + s.site() + "】派件员正在为您派件";
            case DELIVERED -> "快件已签收,签收人:本人";
            case LOST -> "快件遗失,已登记查找,请联系客服";
            case REFUSED -> "收件人拒收,快件将退回寄件人";
            case INTERCEPTED -> "快件已被拦截";
            case RETURNING -> "退回件已从【" + s.site() + "】发出";
            case RETURNED -> "退回件已签收(寄件人)";
        };
    }

    /** The overall State of a code: its first digit, "0" without a trace. */
    static String state(String action) {
        return action == null ? "0" : action.substring(0, 1);
    }

    /** One parcel's trace as 1002/8001 answer it and 101/102 push it. */
    static Map<String, Object> trace(String eBusinessId, String shipperCode, String number, String orderCode, List<Scan> scans,
                                     boolean monitor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EBusinessID", eBusinessId);
        if (orderCode != null) {
            m.put("OrderCode", orderCode);
        }
        m.put("ShipperCode", shipperCode);
        m.put("LogisticCode", number);
        m.put("Success", true);
        String last = scans.isEmpty() ? null : action(scans.get(scans.size() - 1).kind());
        m.put("State", state(last));
        if (monitor) {
            m.put("StateEx", last == null ? "0" : last);
            m.put("Location", scans.isEmpty() ? "" : scans.get(scans.size() - 1).city() + "市");
        }
        m.put("Traces", scans.stream().map(s -> line(s, monitor)).toList());
        return m;
    }

    private static Map<String, Object> line(Scan s, boolean monitor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AcceptTime", TIME.format(s.at()));
        m.put("AcceptStation", text(s));
        if (monitor) {
            m.put("Location", s.city() + "市");
            m.put("Action", action(s.kind()));
        }
        m.put("Remark", "");
        return m;
    }
}
