package io.fahuo.shipments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.ReceiverSnapshot;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Masking;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.shipments.domain.PackedLine;
import io.fahuo.shipments.domain.Shipment;

/**
 * Shipping labels in every format and size. Built from stored, masked data only: a label never needs the
 * consumer's plaintext, so rendering (and re-rendering) touches no secrets.
 */
@Service
public class Labels {

    private final Shipments shipments;
    private final Orders orders;
    private final Warehouses warehouses;
    private final Clock clock;
    private final Map<LabelFormat, LabelRenderer> renderers = new EnumMap<>(LabelFormat.class);

    Labels(Shipments shipments, Orders orders, Warehouses warehouses, Clock clock, List<LabelRenderer> renderers) {
        this.shipments = shipments;
        this.orders = orders;
        this.warehouses = warehouses;
        this.clock = clock;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
    }

    public byte[] pdf(long tenantId, long shipmentId, LabelSize size) {
        return render(tenantId, List.of(shipmentId), LabelSpec.pdf(size));
    }

    /** The labels of these shipments, in this order, as one document of the spec's format. */
    public byte[] render(long tenantId, List<Long> shipmentIds, LabelSpec spec) {
        return render(labelData(tenantId, shipmentIds), spec);
    }

    public byte[] render(List<LabelData> labels, LabelSpec spec) {
        LabelRenderer renderer = renderers.get(spec.format());
        if (renderer == null) {
            throw new IllegalStateException("no label renderer for " + spec.format());
        }
        return renderer.render(labels, spec);
    }

    public LabelData labelData(long tenantId, long shipmentId) {
        return labelData(tenantId, List.of(shipmentId)).get(0);
    }

    /**
     * The labels of these shipments, in this order, read with a handful of queries whatever their number (a
     * 50-label print job read each label's rows one by one: most of its time in the bench).
     */
    public List<LabelData> labelData(long tenantId, List<Long> shipmentIds) {
        Map<Long, Shipment> byId = shipments.byIds(tenantId, shipmentIds);
        for (long id : shipmentIds) {
            Shipment s = byId.get(id);
            if (s == null) {
                throw new NotFoundException("no shipment " + id);
            }
            if (!s.hasWaybill()) {
                throw new ConflictException("shipment " + id + " has no waybill yet, so it has no label");
            }
            if (s.status() == io.fahuo.shipments.domain.ShipmentStatus.CANCELLED) {
                throw new ConflictException("the label of shipment " + id + " is void: its waybill " + s.trackingNumber() + " was cancelled");
            }
        }
        Map<Long, Map<Long, Integer>> items = shipments.items(tenantId, byId.keySet());
        Map<Long, List<Long>> packedOrders = shipments.ordersIn(tenantId, items.keySet());
        Set<Long> orderIds = new HashSet<>();
        byId.values().forEach(s -> orderIds.add(s.orderId()));
        packedOrders.values().forEach(orderIds::addAll);
        Map<Long, Order> orderById = orders.byIds(tenantId, orderIds);
        Map<Long, SenderProfile> senders = new HashMap<>();
        Instant now = clock.instant();
        List<LabelData> out = new ArrayList<>(shipmentIds.size());
        for (long id : shipmentIds) {
            Shipment s = byId.get(id);
            Order o = order(orderById, s.orderId());
            SenderProfile sender = senders.computeIfAbsent(s.warehouseId(), w -> warehouses.get(tenantId, w).sender());
            ReceiverSnapshot r = o.receiver();
            String receiverAddress = join(r.province(), r.city(), r.district(), r.street(), r.detailMasked());
            Map<Long, Integer> packed = items.getOrDefault(s.id(), Map.of());
            List<Long> carried = packed.isEmpty() ? List.of(s.orderId()) : packedOrders.getOrDefault(s.id(), List.of());
            List<LabelData.Item> contents = packedLines(packed, carried.stream().map(orderId -> order(orderById, orderId)).toList())
                    .stream().map(l -> new LabelData.Item(l.sku(), l.quantity())).toList();
            out.add(new LabelData(s.trackingNumber(), s.carrier().displayName(), s.markDestination(), s.sortingCode(),
                    s.packageCenter(), r.nameMasked(), r.phoneMasked(), receiverAddress, sender.name(),
                    Masking.phone(sender.phone()), join(sender.province(), sender.city(), sender.district(), sender.address()),
                    contents, o.platformOrderId(), now, s.trackingNumber()));
        }
        return out;
    }

    private static Order order(Map<Long, Order> byId, long orderId) {
        Order o = byId.get(orderId);
        if (o == null) {
            throw new NotFoundException("no order " + orderId);
        }
        return o;
    }

    /**
     * What travels in the parcel: the lines packed into it (of every order merged into it), or all lines of
     * its order when it was not packed line by line.
     */
    public List<PackedLine> contents(long tenantId, Shipment s) {
        Map<Long, Integer> packed = shipments.items(tenantId, s.id());
        List<Long> orderIds = packed.isEmpty() ? List.of(s.orderId()) : shipments.ordersIn(tenantId, s.id());
        return packedLines(packed, orderIds.stream().map(orderId -> orders.get(tenantId, orderId)).toList());
    }

    private static List<PackedLine> packedLines(Map<Long, Integer> packed, List<Order> carried) {
        List<PackedLine> out = new ArrayList<>();
        for (Order o : carried) {
            o.lines().stream().filter(l -> packed.isEmpty() || packed.containsKey(l.id()))
                    .map(l -> new PackedLine(o.platformOrderId(), l.skuCode() != null ? l.skuCode() : l.productName(), l.productName(),
                            packed.getOrDefault(l.id(), l.quantity())))
                    .forEach(out::add);
        }
        return out;
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.append(p);
            }
        }
        return out.toString();
    }
}
