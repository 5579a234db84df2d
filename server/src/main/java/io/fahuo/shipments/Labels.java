package io.fahuo.shipments;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.ReceiverSnapshot;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Masking;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.label.PdfLabelRenderer;

/**
 * Shipping labels. Built from stored, masked data only: a label never needs the consumer's plaintext,
 * so rendering (and re-rendering) touches no secrets.
 */
@Service
public class Labels {

    private final Shipments shipments;
    private final Orders orders;
    private final Warehouses warehouses;
    private final Clock clock;
    private final PdfLabelRenderer pdf = new PdfLabelRenderer();

    Labels(Shipments shipments, Orders orders, Warehouses warehouses, Clock clock) {
        this.shipments = shipments;
        this.orders = orders;
        this.warehouses = warehouses;
        this.clock = clock;
    }

    public byte[] pdf(long tenantId, long shipmentId, LabelSize size) {
        return pdf(List.of(labelData(tenantId, shipmentId)), size);
    }

    public byte[] pdf(List<LabelData> labels, LabelSize size) {
        return pdf.render(labels, size);
    }

    public LabelData labelData(long tenantId, long shipmentId) {
        Shipment s = shipments.get(tenantId, shipmentId);
        if (!s.hasWaybill()) {
            throw new ConflictException("shipment " + shipmentId + " has no waybill yet, so it has no label");
        }
        if (s.status() == io.fahuo.shipments.domain.ShipmentStatus.CANCELLED) {
            throw new ConflictException("the label of shipment " + shipmentId + " is void: its waybill " + s.trackingNumber() + " was cancelled");
        }
        Order o = orders.get(tenantId, s.orderId());
        SenderProfile sender = warehouses.get(tenantId, s.warehouseId()).sender();
        ReceiverSnapshot r = o.receiver();
        String receiverAddress = join(r.province(), r.city(), r.district(), r.street(), r.detailMasked());
        java.util.Map<Long, Integer> packed = shipments.items(tenantId, shipmentId);
        List<String> contents = o.lines().stream().filter(l -> packed.isEmpty() || packed.containsKey(l.id()))
                .map(l -> (l.skuCode() != null ? l.skuCode() : l.productName()) + "×" + packed.getOrDefault(l.id(), l.quantity())).toList();
        return new LabelData(s.trackingNumber(), s.carrier().displayName(), s.markDestination(), s.sortingCode(),
                s.packageCenter(), r.nameMasked(), r.phoneMasked(), receiverAddress, sender.name(),
                Masking.phone(sender.phone()), join(sender.province(), sender.city(), sender.district(), sender.address()),
                contents, o.platformOrderId(), clock.instant(), s.trackingNumber());
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
