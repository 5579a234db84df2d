package io.fahuo.printing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.fahuo.inventory.Skus;
import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.Warehouse;
import io.fahuo.printing.domain.PickList;
import io.fahuo.printing.domain.PrintRequest;
import io.fahuo.printing.internal.PickListPdf;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.PackedLine;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;

/** Pick lists (拣货单) for a batch of shipments, as an A4 PDF. */
@Service
public class PickLists {

    private final Shipments shipments;
    private final Labels labels;
    private final Skus skus;
    private final Warehouses warehouses;
    private final BinLocations bins;
    private final Clock clock;

    PickLists(Shipments shipments, Labels labels, Skus skus, Warehouses warehouses, BinLocations bins, Clock clock) {
        this.shipments = shipments;
        this.labels = labels;
        this.skus = skus;
        this.warehouses = warehouses;
        this.bins = bins;
        this.clock = clock;
    }

    /** What to pick for these shipments (cancelled ones left out), in the order given. Unknown ids are an error. */
    public PickList build(long tenantId, List<Long> shipmentIds) {
        if (shipmentIds.isEmpty() || shipmentIds.size() > PrintRequest.MAX_SHIPMENTS) {
            throw new InvalidRequestException("a pick list covers 1 to " + PrintRequest.MAX_SHIPMENTS + " shipments");
        }
        Map<Long, Shipment> found = shipments.byIds(tenantId, shipmentIds);
        List<Long> unknown = shipmentIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("no shipment " + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        Map<String, String> skuNames = skus.list(tenantId).stream().collect(Collectors.toMap(Skus.Sku::code, Skus.Sku::name));
        List<PickList.Parcel> parcels = new ArrayList<>();
        for (long id : shipmentIds.stream().distinct().toList()) {
            Shipment s = found.get(id);
            if (s.status() == ShipmentStatus.CANCELLED) {
                continue;
            }
            List<PackedLine> packed = labels.contents(tenantId, s);
            List<PickList.Item> items = packed.stream()
                    .map(l -> new PickList.Item(l.sku(), skuNames.getOrDefault(l.sku(), l.productName()), l.quantity())).toList();
            String orderNumbers = packed.stream().map(PackedLine::orderNumber).distinct().collect(Collectors.joining("+"));
            parcels.add(new PickList.Parcel(s.warehouseId(), s.trackingNumber(), orderNumbers, items));
        }
        Map<Long, String> warehouseNames = new HashMap<>();
        Map<Long, Map<String, String>> binsByWarehouse = new HashMap<>();
        for (long warehouseId : parcels.stream().map(PickList.Parcel::warehouseId).distinct().toList()) {
            Warehouse w = warehouses.get(tenantId, warehouseId);
            warehouseNames.put(warehouseId, w.code() + " " + w.name());
            List<String> skusHere = parcels.stream().filter(p -> p.warehouseId() == warehouseId)
                    .flatMap(p -> p.items().stream()).map(PickList.Item::sku).distinct().toList();
            binsByWarehouse.put(warehouseId, bins.of(tenantId, warehouseId, skusHere));
        }
        return PickList.of(clock.instant(), parcels, warehouseNames, binsByWarehouse);
    }

    public byte[] pdf(long tenantId, List<Long> shipmentIds) {
        return PickListPdf.render(build(tenantId, shipmentIds));
    }
}
