package io.fahuo.printing.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.fahuo.printing.domain.PrintJob;
import io.fahuo.printing.domain.PrintedLabel;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;

/**
 * A print job's labels as they are now. A label that became void after the job was made (its waybill was
 * cancelled, or the parcel got a new waybill after an address change) is left out: a void label must never
 * reach a parcel.
 */
@Component
public class JobDocuments {

    /** The document of the labels still valid ({@code bytes} is null when none is), and the void ones. */
    public record Rendered(byte[] bytes, List<PrintedLabel> printed, List<PrintedLabel> voided) {

        /** How the void labels are noted on the job, or null when there are none. */
        public String voidNote() {
            return voided.isEmpty() ? null : "not printed, void since the job was made: "
                    + voided.stream().map(PrintedLabel::trackingNumber).collect(Collectors.joining(", "));
        }
    }

    private final Shipments shipments;
    private final Labels labels;

    JobDocuments(Shipments shipments, Labels labels) {
        this.shipments = shipments;
        this.labels = labels;
    }

    public Rendered render(PrintJob job) {
        Map<Long, Shipment> now = shipments.byIds(job.tenantId(), job.labels().stream().map(PrintedLabel::shipmentId).toList());
        Map<Boolean, List<PrintedLabel>> valid = job.labels().stream().collect(Collectors.partitioningBy(l -> {
            Shipment s = now.get(l.shipmentId());
            return s != null && s.status() != ShipmentStatus.CANCELLED && l.trackingNumber().equals(s.trackingNumber());
        }));
        List<PrintedLabel> printed = valid.get(true);
        byte[] bytes = printed.isEmpty() ? null
                : labels.render(job.tenantId(), printed.stream().map(PrintedLabel::shipmentId).toList(), job.spec());
        return new Rendered(bytes, printed, valid.get(false));
    }
}
