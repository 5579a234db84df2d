package io.fahuo.simulator.sf;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fahuo.simulator.parcels.Scan;

/** How SF writes a parcel's scans as routes: {@code {acceptTime, acceptAddress, remark, opCode}}. */
final class SfRoutes {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private SfRoutes() {
    }

    static String opCode(Scan.Kind kind) {
        return switch (kind) {
            case COLLECTED -> "54";
            case DEPARTED -> "36";
            case ARRIVED, ARRIVED_DESTINATION_CITY -> "31";
            case OUT_FOR_DELIVERY -> "44";
            case DELIVERED, RETURNED -> "80";
            case LOST, REFUSED -> "70";
            case INTERCEPTED -> "99";
            case RETURNING -> "36";
        };
    }

    static String remark(Scan s) {
        return switch (s.kind()) {
            case COLLECTED -> "顺丰速运 已收取快件";
            case DEPARTED -> "快件离开 【" + s.site() + "】,已在发往下一站的路上";
            case ARRIVED, ARRIVED_DESTINATION_CITY -> "快件到达 【" + s.site() + "】";
            case OUT_FOR_DELIVERY -> "快件交给快递员,正在派送途中";
            case DELIVERED -> "已签收,感谢使用顺丰,期待再次为您服务";
            case LOST -> "快件异常,已登记查找";
            case REFUSED -> "客户拒收,快件将退回寄件人";
            case INTERCEPTED -> "应寄件方要求,快件已拦截,将退回寄件人";
            case RETURNING -> "退回件离开 【" + s.site() + "】";
            case RETURNED -> "已签收(寄件人),退回件已妥投";
        };
    }

    static Map<String, Object> route(Scan s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acceptTime", TIME.format(s.at()));
        m.put("acceptAddress", s.city() + "市");
        m.put("remark", remark(s));
        m.put("opCode", opCode(s.kind()));
        return m;
    }
}
