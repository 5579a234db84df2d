package io.fahuo.printing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.fahuo.printing.domain.PlatformPrintData;
import io.fahuo.printing.domain.PrintBatches;
import io.fahuo.printing.domain.PrintComponent;
import io.fahuo.printing.domain.PrintComponentTask;
import io.fahuo.printing.domain.PrintJob;
import io.fahuo.printing.domain.PrintOutcome;
import io.fahuo.printing.domain.PrintRequest;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;

/**
 * Print tasks for waybills that only a platform's print component may render (Douyin e-waybills, Cainiao).
 * The print data comes from the {@link PlatformPrintDataSource} beans; shipments none of them knows are
 * left out with the reason (their labels print as PDF, ZPL or TSPL through {@link PrintJobs}).
 */
@Service
public class PrintComponentTasks {

    public record Result(List<PrintComponentTask> tasks, List<PrintOutcome.Skipped> skipped) {
    }

    private final Shipments shipments;
    private final List<PlatformPrintDataSource> sources;
    private final Ids ids;

    PrintComponentTasks(Shipments shipments, List<PlatformPrintDataSource> sources, Ids ids) {
        this.shipments = shipments;
        this.sources = List.copyOf(sources);
        this.ids = ids;
    }

    /** One task per component and 50 waybills; {@code printer} is the component's printer name (blank: its default). */
    public Result tasks(long tenantId, List<Long> shipmentIds, String printer, boolean preview) {
        List<Long> selection = List.copyOf(new LinkedHashSet<>(shipmentIds));
        if (selection.isEmpty() || selection.size() > PrintRequest.MAX_SHIPMENTS) {
            throw new InvalidRequestException("a print task covers 1 to " + PrintRequest.MAX_SHIPMENTS + " shipments");
        }
        Map<Long, Shipment> found = shipments.byIds(tenantId, selection);
        Map<PrintComponent, List<PlatformPrintData>> byComponent = new EnumMap<>(PrintComponent.class);
        Map<PrintComponent, List<Long>> shipmentsByComponent = new EnumMap<>(PrintComponent.class);
        List<PrintOutcome.Skipped> skipped = new ArrayList<>();
        for (long id : selection) {
            Shipment s = found.get(id);
            Optional<PrintOutcome.Skipped> noLabel = PrintOutcome.Skipped.unlessLabelled(id, s);
            if (noLabel.isPresent()) {
                skipped.add(noLabel.get());
            } else {
                Optional<PlatformPrintData> data = printData(tenantId, s);
                if (data.isEmpty()) {
                    skipped.add(new PrintOutcome.Skipped(id, "waybill " + s.trackingNumber() + " was not issued through a platform "
                            + "print component; print its label as pdf, zpl or tspl"));
                } else {
                    byComponent.computeIfAbsent(data.get().component(), c -> new ArrayList<>()).add(data.get());
                    shipmentsByComponent.computeIfAbsent(data.get().component(), c -> new ArrayList<>()).add(id);
                }
            }
        }
        List<PrintComponentTask> tasks = new ArrayList<>();
        byComponent.forEach((component, waybills) -> {
            List<List<PlatformPrintData>> batches = PrintBatches.split(waybills, PrintJob.MAX_LABELS);
            List<List<Long>> shipmentBatches = PrintBatches.split(shipmentsByComponent.get(component), PrintJob.MAX_LABELS);
            for (int i = 0; i < batches.size(); i++) {
                Map<String, Object> message = PrintComponentMapper.printTask(component, "FH" + ids.next(), "FH" + ids.next(),
                        printer, preview, batches.get(i));
                tasks.add(new PrintComponentTask(component, component.websocketUrl(), shipmentBatches.get(i), message));
            }
        });
        return new Result(tasks, skipped);
    }

    private Optional<PlatformPrintData> printData(long tenantId, Shipment shipment) {
        for (PlatformPrintDataSource source : sources) {
            Optional<PlatformPrintData> data = source.printData(tenantId, shipment);
            if (data.isPresent()) {
                return data;
            }
        }
        return Optional.empty();
    }
}
