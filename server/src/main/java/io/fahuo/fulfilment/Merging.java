package io.fahuo.fulfilment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import io.fahuo.fulfilment.domain.WarehouseRouting;
import io.fahuo.inventory.Skus;
import io.fahuo.inventory.Stock;
import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.ReservationOutcome;
import io.fahuo.inventory.domain.StockLine;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.Orders;
import io.fahuo.orders.ReceiverVault;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderLine;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.platforms.PlatformGateway;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;

/**
 * 合单: orders of one shop for the same buyer and address, not yet waybilled, travel in one parcel under one
 * waybill; each order is still written back to the platform on its own. Candidates are found by their
 * masked receiver; a merge is only made after the platform's plaintext receivers were compared.
 */
@Service
public class Merging {

    public static final int MAX_ORDERS = 20;

    public record Group(long shopId, String receiverMasked, List<Long> orderIds) {
    }

    private final JdbcClient jdbc;
    private final Orders orders;
    private final OrderProgress progress;
    private final ReceiverVault vault;
    private final PlatformGateway platforms;
    private final Shops shops;
    private final Warehouses warehouses;
    private final Skus skus;
    private final Stock stock;
    private final Shipments shipments;
    private final TransactionTemplate tx;

    Merging(JdbcClient jdbc, Orders orders, OrderProgress progress, ReceiverVault vault, PlatformGateway platforms, Shops shops,
            Warehouses warehouses, Skus skus, Stock stock, Shipments shipments, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.progress = progress;
        this.vault = vault;
        this.platforms = platforms;
        this.shops = shops;
        this.warehouses = warehouses;
        this.skus = skus;
        this.stock = stock;
        this.shipments = shipments;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Groups of unshipped orders without a waybill that look like the same buyer at the same address. */
    public List<Group> candidates(long tenantId) {
        Map<String, Group> groups = new LinkedHashMap<>();
        jdbc.sql("""
                select o.id, o.shop_id, o.receiver_name_masked, o.receiver_phone_masked, o.receiver_province, o.receiver_city,
                  o.receiver_district, o.receiver_street, o.receiver_detail_masked
                from orders o where o.tenant_id = ? and o.status in ('PENDING', 'ON_HOLD')
                  and not exists (select 1 from shipment s where s.tenant_id = o.tenant_id and s.order_id = o.id and s.tracking_number is not null)
                order by o.id""")
                .param(tenantId)
                .query(rs -> {
                    String receiver = String.join(" ", nz(rs.getString(3)), nz(rs.getString(4)), nz(rs.getString(5)) + nz(rs.getString(6))
                            + nz(rs.getString(7)) + nz(rs.getString(8)) + nz(rs.getString(9)));
                    String key = rs.getLong(2) + "|" + receiver;
                    groups.computeIfAbsent(key, k -> {
                        try {
                            return new Group(rs.getLong(2), receiver, new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).orderIds().add(rs.getLong(1));
                });
        return groups.values().stream().filter(g -> g.orderIds().size() > 1).toList();
    }

    /** Merges the orders into one parcel, or changes nothing and says why not. */
    public Shipment merge(long tenantId, List<Long> orderIds, String actor) {
        Set<Long> ids = new TreeSet<>(orderIds == null ? List.of() : orderIds);
        if (ids.size() < 2 || ids.size() > MAX_ORDERS) {
            throw new InvalidRequestException("a merge needs between 2 and " + MAX_ORDERS + " different orders");
        }
        List<Order> list = ids.stream().map(id -> orders.get(tenantId, id)).toList();
        Order first = list.get(0);
        for (Order o : list) {
            if (o.shopId() != first.shopId()) {
                throw new ConflictException("orders of different shops cannot share a parcel");
            }
            if (o.status() != OrderStatus.PENDING && o.status() != OrderStatus.ON_HOLD) {
                throw new ConflictException("order " + o.platformOrderId() + " is " + o.status() + " and cannot be merged");
            }
            if (!sameMaskedReceiver(first, o)) {
                throw new ConflictException("order " + o.platformOrderId() + " goes to a different receiver or address");
            }
        }
        ReceiverPlaintext reference = reveal(first);
        for (Order o : list.subList(1, list.size())) {
            if (!reference.equals(reveal(o))) {
                throw new ConflictException("order " + o.platformOrderId() + " goes to a different receiver or address");
            }
        }
        Map<Long, Map<String, Integer>> demandByOrder = new TreeMap<>();
        List<WarehouseRouting.Line> lines = new ArrayList<>();
        for (Order o : list) {
            Map<String, Integer> demand = skus.expand(tenantId, o.lines().stream().map(l -> new StockLine(l.skuCode(), l.quantity())).toList());
            demandByOrder.put(o.id(), demand);
            lines.add(new WarehouseRouting.Line(Long.toString(o.id()), demand));
        }
        Set<String> codes = new TreeSet<>();
        demandByOrder.values().forEach(d -> codes.addAll(d.keySet()));
        Map<Long, Map<String, Integer>> available = stock.available(tenantId, codes);
        // stock an order already holds counts as available to this merge: it is released and taken again
        jdbc.sql("select warehouse_id, sku_code, quantity from stock_reservation where tenant_id = :t and state = 'RESERVED' and order_id in (:ids)")
                .param("t", tenantId).param("ids", ids)
                .query(rs -> {
                    available.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).merge(rs.getString(2), rs.getInt(3), Integer::sum);
                });
        var plan = WarehouseRouting.route(new WarehouseRouting.Input(lines, first.receiver().province(),
                warehouses.list(tenantId).stream().map(w -> new WarehouseRouting.Candidate(w.id(), w.code(), w.sender().province())).toList(),
                available, skus.warehousePriorities(tenantId, codes), shops.get(tenantId, first.shopId()).defaultWarehouseId(), false));
        if (!plan.feasible()) {
            throw new ConflictException("no warehouse can ship all merged orders together: short of " + String.join(", ", plan.shortSkus()));
        }
        long warehouseId = plan.parcels().get(0).warehouseId();
        try {
            return tx.execute(status -> {
                for (Long id : ids) {
                    OrderStatus s = progress.lock(tenantId, id).orElseThrow();
                    if (s != OrderStatus.PENDING && s != OrderStatus.ON_HOLD) {
                        throw new ConflictException("order " + id + " became " + s + " meanwhile; nothing was merged");
                    }
                }
                Map<Long, Map<Long, Integer>> items = new LinkedHashMap<>();
                for (Order o : list) {
                    stock.release(tenantId, o.id());
                    ReservationOutcome r = stock.reserve(tenantId, o.id(), warehouseId, demandByOrder.get(o.id()).entrySet().stream()
                            .map(e -> new StockLine(e.getKey(), e.getValue())).toList());
                    if (!r.reserved()) {
                        throw new ConflictException("stock ran out while merging: " + r.shortSkus());
                    }
                    Map<Long, Integer> orderItems = new LinkedHashMap<>();
                    for (OrderLine l : o.lines()) {
                        orderItems.put(l.id(), l.quantity());
                    }
                    items.put(o.id(), orderItems);
                    progress.assignWarehouse(tenantId, o.id(), warehouseId);
                }
                Shipment parcel = shipments.openMergedParcel(tenantId, warehouseId, items);
                String others = list.stream().map(Order::platformOrderId).reduce((a, b) -> a + ", " + b).orElse("");
                for (Order o : list) {
                    progress.record(tenantId, o.id(), "MERGE", Outcome.OK, "merged by " + actor + " into one parcel with orders " + others, 0);
                }
                return parcel;
            });
        } catch (TransactionException e) {
            throw new ConflictException("the merge could not be committed, nothing was changed: " + e.getMessage());
        }
    }

    /**
     * Splits an order by hand into parcels (each a list of its line ids; every line exactly once), shipped
     * from the warehouse that holds its stock. Only before any waybill exists.
     */
    public List<Shipment> splitByHand(long tenantId, long orderId, List<List<Long>> parcels) {
        Order order = orders.get(tenantId, orderId);
        if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.ON_HOLD) {
            throw new ConflictException("order " + order.platformOrderId() + " is " + order.status() + "; only unshipped orders without a waybill can be split");
        }
        if (parcels == null || parcels.size() < 2) {
            throw new InvalidRequestException("a split needs at least two parcels");
        }
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        order.lines().forEach(l -> quantities.put(l.id(), l.quantity()));
        List<Long> given = parcels.stream().flatMap(p -> p == null ? java.util.stream.Stream.empty() : p.stream()).toList();
        if (parcels.stream().anyMatch(p -> p == null || p.isEmpty()) || given.size() != new TreeSet<>(given).size()
                || !new TreeSet<>(given).equals(new TreeSet<>(quantities.keySet()))) {
            throw new InvalidRequestException("every line of the order (" + quantities.keySet() + ") must be in exactly one non-empty parcel");
        }
        Long warehouseId = jdbc.sql("select min(warehouse_id) from stock_reservation where tenant_id = ? and order_id = ? and state = 'RESERVED'")
                .params(tenantId, orderId).query(Long.class).optional().orElse(null);
        long from = warehouseId != null ? warehouseId : java.util.Optional.ofNullable(shops.get(tenantId, order.shopId()).defaultWarehouseId())
                .orElseThrow(() -> new ConflictException("the shop has no default warehouse to ship from"));
        return tx.execute(status -> {
            if (warehouseId == null) {
                ReservationOutcome r = stock.reserve(tenantId, orderId, from, order.lines().stream()
                        .map(l -> new StockLine(l.skuCode(), l.quantity())).toList());
                if (!r.reserved()) {
                    throw new ConflictException("not enough stock to ship the order: " + r.shortSkus());
                }
            }
            List<Shipments.ParcelPlan> plan = parcels.stream().map(p -> {
                Map<Long, Integer> items = new LinkedHashMap<>();
                p.forEach(lineId -> items.put(lineId, quantities.get(lineId)));
                return new Shipments.ParcelPlan(from, items);
            }).toList();
            List<Shipment> made = shipments.repack(tenantId, orderId, plan);
            progress.record(tenantId, orderId, "SPLIT", Outcome.OK, "split by hand into " + made.size() + " parcels", 0);
            return made;
        });
    }

    private ReceiverPlaintext reveal(Order o) {
        return platforms.revealReceiver(o.tenantId(), o.shopId(), o.platformOrderId(),
                vault.open(o.tenantId(), o.id(), ReceiverVault.Purpose.MERGE_CHECK, "merge"));
    }

    private static boolean sameMaskedReceiver(Order a, Order b) {
        var x = a.receiver();
        var y = b.receiver();
        return java.util.Objects.equals(x.nameMasked(), y.nameMasked()) && java.util.Objects.equals(x.phoneMasked(), y.phoneMasked())
                && java.util.Objects.equals(x.province(), y.province()) && java.util.Objects.equals(x.city(), y.city())
                && java.util.Objects.equals(x.district(), y.district()) && java.util.Objects.equals(x.detailMasked(), y.detailMasked());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
