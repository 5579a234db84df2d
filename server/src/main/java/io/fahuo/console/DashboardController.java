package io.fahuo.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.shared.Carrier;
import io.fahuo.orders.domain.Order;
import io.fahuo.shipments.ShipmentStats;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.tenancy.CurrentTenant;

/** Today at a glance; the panel and the charts refresh themselves. */
@Controller
class DashboardController {

    record Counters(long paidToday, long shippedToday, long waiting, long onHold, long failing) {
    }

    record Charts(List<String> hours, List<Long> shippedPerHour, List<Slice> carriers) {
    }

    record Slice(String name, long value) {
    }

    /** A parcel that just left, with its order's number. */
    record Shipped(Shipment parcel, String platformOrderId) {
    }

    private static final int DUE_SOON = 10;
    private static final int RECENTLY_SHIPPED = 8;
    /** Deadlines further out than this are not "close". */
    private static final Duration DUE_HORIZON = Duration.ofHours(72);

    private final Orders orders;
    private final ShipmentStats shipmentStats;
    private final Shipments shipments;
    private final Clock clock;
    private final ZoneId zone;
    private final MessageSource messages;

    DashboardController(Orders orders, ShipmentStats shipmentStats, Shipments shipments, Clock clock, ZoneId consoleZone,
                        MessageSource messages) {
        this.orders = orders;
        this.shipmentStats = shipmentStats;
        this.shipments = shipments;
        this.clock = clock;
        this.zone = consoleZone;
        this.messages = messages;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        panelModel(model);
        return "console/dashboard";
    }

    @GetMapping("/console/dashboard/panel")
    String panel(Model model) {
        panelModel(model);
        return "console/dashboard :: panel";
    }

    @GetMapping("/console/dashboard/charts")
    @ResponseBody
    Charts charts() {
        long t = CurrentTenant.id();
        Instant dayStart = startOfToday();
        Map<Instant, Long> perHour = shipmentStats.shippedPerHour(t, dayStart);
        List<String> hours = new ArrayList<>();
        List<Long> shipped = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant hour = dayStart.plus(h, ChronoUnit.HOURS);
            hours.add(String.format("%02d:00", hour.atZone(zone).getHour()));
            shipped.add(perHour.getOrDefault(hour, 0L));
        }
        List<Slice> carriers = new ArrayList<>();
        for (Map.Entry<Carrier, Long> e : shipmentStats.carrierMix(t, dayStart).entrySet()) {
            String name = messages.getMessage("carrier." + e.getKey().name(), null, e.getKey().displayName(), LocaleContextHolder.getLocale());
            carriers.add(new Slice(name, e.getValue()));
        }
        return new Charts(hours, shipped, carriers);
    }

    private void panelModel(Model model) {
        long t = CurrentTenant.id();
        Instant dayStart = startOfToday();
        Map<OrderStatus, Long> open = orders.openCounts(t);
        model.addAttribute("counters", new Counters(orders.paidSince(t, dayStart), shipmentStats.shippedSince(t, dayStart),
                open.get(OrderStatus.PENDING) + open.get(OrderStatus.WAYBILL_ISSUED), open.get(OrderStatus.ON_HOLD),
                orders.failingCount(t)));
        model.addAttribute("due", orders.unshippedDueBefore(t, clock.instant().plus(DUE_HORIZON), DUE_SOON));
        model.addAttribute("shipped", shipments.recentlyShipped(t, RECENTLY_SHIPPED).stream()
                .map(s -> new Shipped(s, orders.find(t, s.orderId()).map(Order::platformOrderId).orElse(""))).toList());
    }

    private Instant startOfToday() {
        return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
    }
}
