package io.fahuo.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.fahuo.printing.domain.PrintBatches;

class PrintBatchesTest {

    @Test
    void aSelectionBecomesFullJobsOfFiftyInTheCallersOrder() {
        List<Integer> selection = IntStream.range(0, 120).boxed().toList();

        List<List<Integer>> jobs = PrintBatches.split(selection, 50);

        assertThat(jobs).extracting(List::size).containsExactly(50, 50, 20);
        assertThat(jobs.stream().flatMap(List::stream).toList()).isEqualTo(selection);
        assertThat(PrintBatches.split(IntStream.range(0, 50).boxed().toList(), 50)).hasSize(1);
        assertThat(PrintBatches.split(List.of(), 50)).isEmpty();
    }

    @Test
    void noJobHoldsMoreThanFiftyLabels() {
        assertThatThrownBy(() -> PrintBatches.split(List.of(1), 51)).hasMessageContaining("between 1 and 50");
        assertThatThrownBy(() -> PrintBatches.split(List.of(1), 0)).hasMessageContaining("between 1 and 50");
    }
}
