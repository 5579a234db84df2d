package io.fahuo.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.fahuo.printing.domain.PrintComponent;
import io.fahuo.printing.domain.PrintComponentTask;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.Ids;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
import io.fahuo.shipments.domain.WaybillSource;

/** Print tasks grouped by component, from whichever print-data source knows each waybill. */
class PrintComponentTasksTest {

    private final Map<Long, Shipment> stored = new HashMap<>();
    private final Shipments shipments = mock(Shipments.class);
    private final Ids ids = mock(Ids.class);

    /** Douyin issued the ZTO numbers, Cainiao the YTO ones; the courier API the SF one (no platform print data). */
    private final PlatformPrintDataSource douyin = (tenantId, s) -> s.trackingNumber().startsWith("7")
            ? Optional.of(PrintComponentMapper.douyin(s.trackingNumber(), "cipher-" + s.id(), "sign-" + s.id(), "https://t/76.xml", null))
            : Optional.empty();
    private final PlatformPrintDataSource cainiao = (tenantId, s) -> s.trackingNumber().startsWith("YT")
            ? Optional.of(PrintComponentMapper.cainiao(s.trackingNumber(), "{\"encryptedData\":\"AES:" + s.id()
                    + "\",\"signature\":\"MD:x\",\"templateURL\":\"http://cloudprint.cainiao.com/template/standard/101\"}"))
            : Optional.empty();

    PrintComponentTasksTest() {
        when(shipments.byIds(anyLong(), anyCollection())).thenAnswer(inv -> {
            Map<Long, Shipment> out = new HashMap<>();
            for (Object id : (java.util.Collection<?>) inv.getArgument(1)) {
                if (stored.containsKey(id)) {
                    out.put((Long) id, stored.get(id));
                }
            }
            return out;
        });
        AtomicLong next = new AtomicLong(1000);
        when(ids.next()).thenAnswer(inv -> next.getAndIncrement());
    }

    @Test
    void eachComponentGetsOneTaskPerFiftyWaybillsInTheGivenOrder() {
        List<Long> selection = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            selection.add(shipment(100 + i, String.format("731000000%05d", i), ShipmentStatus.WAYBILL_ISSUED));
        }
        selection.add(1, shipment(1, "YT1234567890123", ShipmentStatus.SHIPPED));
        selection.add(shipment(2, "SF1234567890123", ShipmentStatus.WAYBILL_ISSUED));
        selection.add(shipment(3, "73100000099999", ShipmentStatus.CANCELLED));
        selection.add(shipment(4, null, ShipmentStatus.OPEN));
        selection.add(5L);

        PrintComponentTasks.Result result = new PrintComponentTasks(shipments, List.of(douyin, cainiao), ids)
                .tasks(7, selection, "GP-1324D", true);

        assertThat(result.tasks()).extracting(PrintComponentTask::component)
                .containsExactly(PrintComponent.DOUYIN, PrintComponent.DOUYIN, PrintComponent.CAINIAO);
        PrintComponentTask first = result.tasks().get(0);
        assertThat(first.websocketUrl()).isEqualTo("ws://localhost:13888");
        assertThat(first.shipmentIds()).hasSize(50).startsWith(100L, 101L);
        assertThat(result.tasks().get(1).shipmentIds()).containsExactly(150L);
        assertThat(result.tasks().get(2).shipmentIds()).containsExactly(1L);
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) first.message().get("task");
        assertThat(first.message()).containsEntry("cmd", "print").containsEntry("version", "1.0");
        assertThat(task).containsEntry("printer", "GP-1324D").containsEntry("preview", true);
        assertThat((List<?>) task.get("documents")).hasSize(50);
        assertThat(result.tasks()).extracting(t -> t.message().get("requestID")).doesNotHaveDuplicates();

        assertThat(result.skipped()).extracting(s -> s.shipmentId() + " " + s.reason()).containsExactly(
                "2 waybill SF1234567890123 was not issued through a platform print component; print its label as pdf, zpl or tspl",
                "3 cancelled: waybill 73100000099999 is void",
                "4 no waybill yet, so no label",
                "5 no shipment 5");
    }

    private long shipment(long id, String tracking, ShipmentStatus status) {
        stored.put(id, new Shipment(id, 7, id + 10_000, 1, 1, 1L, tracking == null ? null : Carrier.ZTO,
                tracking == null ? null : WaybillSource.COURIER_API, tracking, "杭州", "311-J11-11", "杭州中心", status,
                Instant.EPOCH, null, null));
        return id;
    }
}
