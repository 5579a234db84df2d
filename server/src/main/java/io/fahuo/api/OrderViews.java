package io.fahuo.api;

import java.time.Instant;
import java.util.List;

import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderLine;
import io.fahuo.orders.domain.TimelineEntry;
import io.fahuo.shipments.domain.Shipment;

/** JSON shapes of the orders API. */
final class OrderViews {

    private OrderViews() {
    }

    record OrderSummary(long id, String platform, String platformOrderId, String status, String holdReason, String lastError,
                        Instant paidAt, Instant shipBy, String receiverMasked, String trackingNumber, String carrier,
                        long amountFen, long shopId) {
    }

    record Line(long id, String platformLineId, String skuCode, String productName, String spec, int quantity, long amountFen) {
    }

    record ShipmentView(long id, int packageNo, String trackingNumber, String carrier, String status,
                        String markDestination, String sortingCode, String packageCenter) {
    }

    record Step(Instant at, String step, String outcome, String message, int attempt) {
    }

    record OrderDetail(long id, String platform, String platformOrderId, String platformStatus, String status,
                       String holdReason, String lastError, Instant paidAt, Instant shipBy, String receiverMasked,
                       String trackingNumber, String carrier, long amountFen, long shopId, String buyerRemark,
                       String sellerRemark, String carrierReason, List<Line> lines, List<ShipmentView> shipments,
                       List<Step> timeline) {
    }

    record PageView(List<OrderSummary> items, long total, int page, int size) {
    }

    static String receiverMasked(Order o) {
        var r = o.receiver();
        return nz(r.nameMasked()) + " " + nz(r.phoneMasked()) + " " + nz(r.province()) + nz(r.city()) + nz(r.district())
                + nz(r.street()) + nz(r.detailMasked());
    }

    static OrderSummary summary(Order o, List<Shipment> shipments) {
        Shipment s = shipments.stream().filter(Shipment::hasWaybill).findFirst().orElse(null);
        return new OrderSummary(o.id(), o.platform(), o.platformOrderId(), o.status().name(), o.holdReason(), o.lastError(),
                o.paidAt(), o.shipBy(), receiverMasked(o), s == null ? null : s.trackingNumber(),
                s == null ? null : s.carrier().name(), o.amountFen(), o.shopId());
    }

    static OrderDetail detail(Order o, List<Shipment> shipments, List<TimelineEntry> timeline) {
        OrderSummary sum = summary(o, shipments);
        return new OrderDetail(o.id(), o.platform(), o.platformOrderId(), o.platformStatus(), o.status().name(), o.holdReason(),
                o.lastError(), o.paidAt(), o.shipBy(), sum.receiverMasked(), sum.trackingNumber(), sum.carrier(), o.amountFen(),
                o.shopId(), o.buyerRemark(), o.sellerRemark(), o.carrierReason(),
                o.lines().stream().map(OrderViews::line).toList(),
                shipments.stream().map(s -> new ShipmentView(s.id(), s.packageNo(), s.trackingNumber(),
                        s.carrier() == null ? null : s.carrier().name(), s.status().name(), s.markDestination(), s.sortingCode(),
                        s.packageCenter())).toList(),
                timeline.stream().map(t -> new Step(t.at(), t.step(), t.outcome().name(), t.message(), t.attempt())).toList());
    }

    private static Line line(OrderLine l) {
        return new Line(l.id(), l.platformLineId(), l.skuCode(), l.productName(), l.spec(), l.quantity(), l.amountFen());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
