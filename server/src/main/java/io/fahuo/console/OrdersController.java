package io.fahuo.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.tenancy.CurrentTenant;

/** The order list (filters, keyset pages, selection for batches) and one order's detail. */
@Controller
class OrdersController {

    static final int PAGE_SIZE = 50;

    /** Ship-by windows the list filters by, relative to now. */
    enum Window {
        OVERDUE, WITHIN_6H, WITHIN_24H, LATER;

        Instant from(Instant now) {
            return switch (this) {
                case OVERDUE -> null;
                case WITHIN_6H, WITHIN_24H -> now;
                case LATER -> now.plus(Duration.ofHours(24));
            };
        }

        Instant to(Instant now) {
            return switch (this) {
                case OVERDUE -> now;
                case WITHIN_6H -> now.plus(Duration.ofHours(6));
                case WITHIN_24H -> now.plus(Duration.ofHours(24));
                case LATER -> null;
            };
        }
    }

    /** The filter as the form sends it; {@code status} may also be {@code OPEN} (everything not yet shipped). */
    record Filter(Long shop, String status, Window window, Carrier carrier, String q) {

        Set<OrderStatus> statuses() {
            if (status == null || status.isBlank()) {
                return Set.of();
            }
            if ("OPEN".equals(status)) {
                return Set.of(OrderStatus.PENDING, OrderStatus.WAYBILL_ISSUED, OrderStatus.ON_HOLD);
            }
            try {
                return Set.of(OrderStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("unknown status '" + status + "'");
            }
        }
    }

    private final Orders orders;
    private final Shipments shipments;
    private final Shops shops;
    private final Fulfilment fulfilment;
    private final Clock clock;

    OrdersController(Orders orders, Shipments shipments, Shops shops, Fulfilment fulfilment, Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.shops = shops;
        this.fulfilment = fulfilment;
        this.clock = clock;
    }

    @GetMapping("/console/orders")
    String list(@RequestParam(required = false) Long shop, @RequestParam(required = false) String status,
                @RequestParam(required = false) Window window, @RequestParam(required = false) Carrier carrier,
                @RequestParam(required = false) String q, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, Model model) {
        long t = CurrentTenant.id();
        Filter filter = new Filter(shop, status, window, carrier, q);
        Instant now = clock.instant();
        Orders.Search search = new Orders.Search(filter.statuses(), shop, window == null ? null : window.from(now),
                window == null ? null : window.to(now), carrier, q);
        Orders.Slice slice = orders.search(t, search, PageCursor.parse(after), PageCursor.parse(before), PAGE_SIZE);
        Map<Long, List<Shipment>> parcels = shipments.forOrders(t, slice.items().stream().map(Order::id).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("rows", slice.items().stream().map(o -> OrderRow.of(o, parcels.getOrDefault(o.id(), List.of()))).toList());
        model.addAttribute("slice", slice);
        model.addAttribute("previous", PageCursor.format(slice.previous()));
        model.addAttribute("next", PageCursor.format(slice.next()));
        model.addAttribute("shops", shops.list(t));
        model.addAttribute("shopNames", shops.list(t).stream().collect(Collectors.toMap(Shop::id, Shop::name)));
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("windows", Window.values());
        model.addAttribute("carriers", Carrier.values());
        return "console/orders";
    }

    @GetMapping("/console/orders/{id}")
    String detail(@PathVariable long id, Model model) {
        long t = CurrentTenant.id();
        Order order = orders.get(t, id);
        model.addAttribute("order", order);
        model.addAttribute("shop", shops.get(t, order.shopId()));
        model.addAttribute("shipments", shipments.forOrder(t, id));
        model.addAttribute("timeline", orders.timeline(t, id));
        return "console/order";
    }

    @PostMapping("/console/orders/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        fulfilment.retryNow(CurrentTenant.id(), id);
        flash.addFlashAttribute("notice", "notice.retry");
        return "redirect:/console/orders/" + id;
    }

    @PostMapping("/console/orders/{id}/hold")
    String hold(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        fulfilment.hold(CurrentTenant.id(), id, reason);
        flash.addFlashAttribute("notice", "notice.held");
        return "redirect:/console/orders/" + id;
    }

    @PostMapping("/console/orders/{id}/release")
    String release(@PathVariable long id, RedirectAttributes flash) {
        fulfilment.release(CurrentTenant.id(), id);
        flash.addFlashAttribute("notice", "notice.released");
        return "redirect:/console/orders/" + id;
    }
}
