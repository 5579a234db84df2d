package io.fahuo.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "orders")
@Validated
class OrdersApi {

    private final Orders orders;
    private final Shipments shipments;
    private final Fulfilment fulfilment;

    OrdersApi(Orders orders, Shipments shipments, Fulfilment fulfilment) {
        this.orders = orders;
        this.shipments = shipments;
        this.fulfilment = fulfilment;
    }

    @GetMapping
    @Operation(summary = "List orders, soonest ship-by deadline first")
    OrderViews.PageView list(@RequestParam(required = false) String status, @RequestParam(required = false) Long shopId,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page counts from 0 and cannot be negative");
        }
        if (size < 1 || size > 200) {
            throw new InvalidRequestException("size must be between 1 and 200");
        }
        OrderStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = OrderStatus.valueOf(status.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("unknown status '" + status + "'; one of " + List.of(OrderStatus.values()));
            }
        }
        long t = CurrentTenant.id();
        Orders.Page p = orders.list(t, new Orders.Filter(st, shopId), page, size);
        Map<Long, List<Shipment>> byOrder = shipments.forOrders(t, p.items().stream().map(Order::id).toList());
        return new OrderViews.PageView(p.items().stream().map(o -> OrderViews.summary(o, byOrder.getOrDefault(o.id(), List.of()))).toList(),
                p.total(), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order with lines, shipments and the timeline of its pipeline steps")
    OrderViews.OrderDetail get(@PathVariable long id) {
        long t = CurrentTenant.id();
        Order o = orders.get(t, id);
        return OrderViews.detail(o, shipments.forOrder(t, id), orders.timeline(t, id));
    }

    record HoldRequest(String reason) {
    }

    @PostMapping("/{id}/hold")
    @Operation(summary = "Stop an order (before it ships) with a reason")
    ResponseEntity<OrderViews.OrderDetail> hold(@PathVariable long id, @RequestBody(required = false) HoldRequest body) {
        fulfilment.hold(CurrentTenant.id(), id, body == null ? null : body.reason());
        return ResponseEntity.ok(get(id));
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Release a hold; the order resumes where it stopped")
    ResponseEntity<OrderViews.OrderDetail> release(@PathVariable long id) {
        fulfilment.release(CurrentTenant.id(), id);
        return ResponseEntity.ok(get(id));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Run the order's waiting pipeline step now")
    ResponseEntity<OrderViews.OrderDetail> retry(@PathVariable long id) {
        fulfilment.retryNow(CurrentTenant.id(), id);
        return ResponseEntity.accepted().body(get(id));
    }
}
