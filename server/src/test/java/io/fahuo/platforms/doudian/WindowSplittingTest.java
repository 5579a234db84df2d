package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.platforms.domain.OrderWindowPage;
import io.fahuo.platforms.internal.WindowSync;
import io.fahuo.simulator.doudian.SimOrderFactory;

/**
 * Pulling a window that holds more orders than paging reaches: the window is halved until each part pages
 * to its end, through the connector against the simulated platform. The paging cap is scaled down (50 rows,
 * pages of 10) so the test needs hundreds of orders instead of 50,000; the simulator's own cap is tested
 * in DoudianSimulatorProtocolTest.
 */
class WindowSplittingTest {

    record Fetch(Instant from, Instant to, int page, int size, long total) {
    }

    @Test
    void aWindowBeyondThePagingCapIsSplitAndNothingIsLost() {
        InProcessDoudian douyin = new InProcessDoudian();
        Instant start = douyin.clock.instant();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 230; i++) {
            created.addAll(douyin.platform.createOrders(InProcessDoudian.SHOP, 1, SimOrderFactory.Spec.DEFAULT));
            douyin.simClock.advance(Duration.ofSeconds(31));
        }
        List<Fetch> fetches = new ArrayList<>();
        WindowSync.Pages pages = (from, to, page, size) -> {
            OrderWindowPage p = douyin.connector.ordersUpdatedBetween(douyin.shop(), from, to, page, size);
            fetches.add(new Fetch(from, to, page, size, p.total()));
            return p;
        };
        List<String> received = new ArrayList<>();
        new WindowSync(pages, 10, 50).sync(start.minusSeconds(1), douyin.clock.instant(),
                orders -> orders.stream().map(IncomingOrder::platformOrderId).forEach(received::add));

        assertThat(new HashSet<>(received)).isEqualTo(created);
        assertThat(received.size() - created.size()).as("rows seen twice, on split points").isLessThan(10);
        assertThat(fetches).allSatisfy(f -> assertThat((f.page() + 1) * f.size()).isLessThanOrEqualTo(50));
        assertThat(fetches.get(0).total()).isEqualTo(230);
        // every window that was paged through held no more than the cap
        assertThat(fetches.stream().filter(f -> f.page() > 0)).allSatisfy(f -> assertThat(f.total()).isLessThanOrEqualTo(50));
        assertThat(fetches.stream().map(f -> f.from()).distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aWindowWithinTheCapIsPagedFromZeroWithoutSplitting() {
        InProcessDoudian douyin = new InProcessDoudian();
        Instant start = douyin.clock.instant();
        Set<String> created = new HashSet<>(douyin.platform.createOrders(InProcessDoudian.SHOP, 35, SimOrderFactory.Spec.DEFAULT));
        douyin.simClock.advance(Duration.ofSeconds(5));
        List<Integer> pagesAsked = new ArrayList<>();
        List<String> received = new ArrayList<>();
        new WindowSync((from, to, page, size) -> {
            pagesAsked.add(page);
            return douyin.connector.ordersUpdatedBetween(douyin.shop(), from, to, page, size);
        }, 10, 50).sync(start.minusSeconds(1), douyin.clock.instant(),
                orders -> orders.stream().map(IncomingOrder::platformOrderId).forEach(received::add));
        // page 0 tells the window's size; then last page first (orders shipping meanwhile make none slip past)
        assertThat(pagesAsked).containsExactly(0, 3, 2, 1, 0);
        assertThat(received).hasSize(35).containsExactlyInAnyOrderElementsOf(created);
    }
}
