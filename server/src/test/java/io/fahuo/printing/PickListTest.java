package io.fahuo.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fahuo.printing.domain.PickList;

class PickListTest {

    @Test
    void linesFollowTheBinsWithSkusWithoutABinLastAndCountParcels() {
        List<PickList.Parcel> parcels = List.of(
                new PickList.Parcel(1, "73100000000001", "A1", List.of(new PickList.Item("MUG", "杯", 1), new PickList.Item("TEE", "T恤", 2))),
                new PickList.Parcel(1, "73100000000002", "A2", List.of(new PickList.Item("TEE", "T恤", 1), new PickList.Item("TEE", "T恤", 1))),
                new PickList.Parcel(2, "73100000000003", "B1", List.of(new PickList.Item("SOCK", "袜", 3))),
                new PickList.Parcel(1, null, "A3", List.of(new PickList.Item("CASE", "壳", 1))));

        PickList list = PickList.of(Instant.EPOCH, parcels, Map.of(1L, "HZ-01 杭州仓", 2L, "GZ-01 广州仓"),
                Map.of(1L, Map.of("TEE", "A-01-02", "MUG", "B-03-01")));

        assertThat(list.sections()).extracting(PickList.Section::warehouse).containsExactly("HZ-01 杭州仓", "GZ-01 广州仓");
        PickList.Section hz = list.sections().get(0);
        assertThat(hz.lines()).containsExactly(
                new PickList.Line("A-01-02", "TEE", "T恤", 4, 2),
                new PickList.Line("B-03-01", "MUG", "杯", 1, 1),
                new PickList.Line(null, "CASE", "壳", 1, 1));
        assertThat(hz.totalQuantity()).isEqualTo(6);
        assertThat(hz.parcels()).extracting(PickList.Parcel::orderNumber).containsExactly("A1", "A2", "A3");
        assertThat(list.sections().get(1).lines()).containsExactly(new PickList.Line(null, "SOCK", "袜", 3, 1));
    }
}
