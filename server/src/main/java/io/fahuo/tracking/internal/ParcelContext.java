package io.fahuo.tracking.internal;

import org.springframework.stereotype.Component;

import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.domain.TrackedParcel;

/** What a courier wants to hear about a parcel besides its number: Fahuo's key for it, the sender. */
@Component
class ParcelContext {

    private final Shipments shipments;
    private final Warehouses warehouses;

    ParcelContext(Shipments shipments, Warehouses warehouses) {
        this.shipments = shipments;
        this.warehouses = warehouses;
    }

    TraceQuery query(TrackedParcel p) {
        Shipment s = shipments.get(p.tenantId(), p.shipmentId());
        String phone = sender(s).phone();
        String tail = phone == null || phone.length() < 4 ? null : phone.substring(phone.length() - 4);
        return new TraceQuery(p.carrier(), p.trackingNumber(), p.source() == WaybillSource.COURIER_API ? s.waybillKey() : null, tail);
    }

    String waybillKey(TrackedParcel p) {
        return shipments.get(p.tenantId(), p.shipmentId()).waybillKey();
    }

    /** The shipping warehouse's registered sender, where an intercepted parcel goes back to. */
    Party returnAddress(TrackedParcel p) {
        SenderProfile sp = sender(shipments.get(p.tenantId(), p.shipmentId()));
        return new Party(sp.name(), sp.phone(), sp.company(), sp.province(), sp.city(), sp.district(), sp.address());
    }

    private SenderProfile sender(Shipment s) {
        return warehouses.get(s.tenantId(), s.warehouseId()).sender();
    }
}
