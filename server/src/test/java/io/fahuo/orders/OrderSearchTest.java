package io.fahuo.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.orders.domain.IncomingLine;
import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.PlatformState;
import io.fahuo.orders.domain.ReceiverSnapshot;
import io.fahuo.shared.Carrier;
import io.fahuo.shipments.Shipments;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;

/** The console's order search: keyset pages in (ship_by, id) order both ways, free text, filters, capped count. */
class OrderSearchTest extends IntegrationTest {

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    @Autowired
    Shipments shipments;

    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void pagesForwardAndBackOverEveryOrderOnceWithoutDeadlinesLast() {
        Fixtures.Merchant m = fixtures.merchant("search-pages", Fixtures.Options.standard().withoutAutoShip());
        List<IncomingOrder> page = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // a few share a deadline (ties break by id), every fifth has none
            Instant shipBy = i % 5 == 0 ? null : BASE.plus(i % 7, ChronoUnit.HOURS);
            page.add(order("P" + (1000 + i), shipBy, String.format("%04d", i)));
        }
        intake.accept(m.tenantId(), m.shopId(), "DOUDIAN", page);
        List<Order> expected = new ArrayList<>(orders.search(m.tenantId(), Orders.Search.everything(), null, null, 100).items());
        assertThat(expected).hasSize(23);
        List<Order> sorted = new ArrayList<>(expected);
        sorted.sort(Comparator.comparing(Order::shipBy, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Order::id));
        assertThat(ids(expected)).containsExactlyElementsOf(ids(sorted));
        assertThat(expected.get(expected.size() - 1).shipBy()).isNull();

        List<Long> forward = new ArrayList<>();
        Orders.Slice slice = orders.search(m.tenantId(), Orders.Search.everything(), null, null, 4);
        assertThat(slice.previous()).isNull();
        List<Orders.Slice> pages = new ArrayList<>(List.of(slice));
        forward.addAll(ids(slice.items()));
        while (slice.next() != null) {
            slice = orders.search(m.tenantId(), Orders.Search.everything(), slice.next(), null, 4);
            pages.add(slice);
            forward.addAll(ids(slice.items()));
        }
        assertThat(forward).containsExactlyElementsOf(ids(sorted));
        assertThat(pages).hasSize(6);
        assertThat(slice.count()).isEqualTo(23);

        List<List<Long>> backward = new ArrayList<>();
        backward.add(ids(slice.items()));
        while (slice.previous() != null) {
            slice = orders.search(m.tenantId(), Orders.Search.everything(), null, slice.previous(), 4);
            backward.add(ids(slice.items()));
        }
        Collections.reverse(backward);
        assertThat(backward.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids(sorted));
    }

    @Test
    void findsByOrderNumberTrackingNumberMaskedPhoneAndFilters() {
        Fixtures.Merchant m = fixtures.merchant("search-text", Fixtures.Options.standard().withoutAutoShip());
        List<IncomingOrder> page = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            page.add(order("T" + (2000 + i), BASE.plus(i, ChronoUnit.HOURS), String.format("%04d", 7000 + i)));
        }
        intake.accept(m.tenantId(), m.shopId(), "DOUDIAN", page);
        Order third = only(orders.search(m.tenantId(), text("T2003"), null, null, 10));
        assertThat(third.platformOrderId()).isEqualTo("T2003");
        assertThat(only(orders.search(m.tenantId(), text("7005"), null, null, 10)).platformOrderId()).isEqualTo("T2005");
        assertThat(orders.search(m.tenantId(), text("100%"), null, null, 10).items()).isEmpty();

        long parcel = shipments.openParcels(m.tenantId(), third.id(), List.of(new Shipments.ParcelPlan(m.warehouseId(), Map.of()))).get(0).id();
        shipments.recordWaybill(m.tenantId(), parcel, m.courierAccountId(),
                new IssuedWaybill(Carrier.ZTO, "73100000000003", "杭州", "310-A", "杭州中心"));
        assertThat(only(orders.search(m.tenantId(), text("73100000000003"), null, null, 10)).id()).isEqualTo(third.id());
        Orders.Search zto = new Orders.Search(Set.of(), null, null, null, Carrier.ZTO, null);
        assertThat(only(orders.search(m.tenantId(), zto, null, null, 10)).id()).isEqualTo(third.id());
        assertThat(orders.search(m.tenantId(), new Orders.Search(Set.of(), null, null, null, Carrier.SF, null), null, null, 10).items()).isEmpty();

        Orders.Search window = new Orders.Search(Set.of(OrderStatus.UNPAID), m.shopId(), BASE.plus(2, ChronoUnit.HOURS),
                BASE.plus(5, ChronoUnit.HOURS), null, null);
        assertThat(orders.search(m.tenantId(), window, null, null, 10).items()).extracting(Order::platformOrderId)
                .containsExactly("T2002", "T2003", "T2004");
        assertThat(orders.search(m.tenantId(), new Orders.Search(Set.of(OrderStatus.PENDING), null, null, null, null, null), null, null, 10)
                .items()).isEmpty();

        Fixtures.Merchant other = fixtures.merchant("search-other", Fixtures.Options.standard().withoutAutoShip());
        assertThat(orders.search(other.tenantId(), text("T2003"), null, null, 10).items()).isEmpty();
    }

    @Test
    void countsMatchesOnlyUpToTheCap() {
        Fixtures.Merchant m = fixtures.merchant("search-cap", Fixtures.Options.standard().withoutAutoShip());
        int total = Orders.COUNT_CAP + 1;
        for (int from = 0; from < total; from += 1000) {
            List<IncomingOrder> page = new ArrayList<>();
            for (int i = from; i < Math.min(from + 1000, total); i++) {
                page.add(order("C" + i, BASE.plus(Duration.ofMinutes(i)), "0000"));
            }
            intake.accept(m.tenantId(), m.shopId(), "DOUDIAN", page);
        }
        Orders.Slice first = orders.search(m.tenantId(), Orders.Search.everything(), null, null, 50);
        assertThat(first.countCapped()).isTrue();
        assertThat(first.count()).isEqualTo(Orders.COUNT_CAP);
        assertThat(first.items()).hasSize(50);
        Orders.Slice one = orders.search(m.tenantId(), text("C9999"), null, null, 50);
        assertThat(one.countCapped()).isFalse();
        assertThat(one.count()).isEqualTo(1);
    }

    private static Orders.Search text(String q) {
        return new Orders.Search(Set.of(), null, null, null, null, q);
    }

    private static Order only(Orders.Slice slice) {
        assertThat(slice.items()).hasSize(1);
        return slice.items().get(0);
    }

    private static List<Long> ids(List<Order> list) {
        return list.stream().map(Order::id).toList();
    }

    private static IncomingOrder order(String id, Instant shipBy, String phoneTail) {
        return new IncomingOrder(id, "1", PlatformState.UNPAID, 4900, BASE, BASE, null, shipBy, null, null,
                new ReceiverSnapshot("浙江省", "杭州市", "西湖区", "文三路", "张*", "138****" + phoneTail, "文三路****", "sealed-by-platform"),
                List.of(new IncomingLine(id + "-1", "sku", "FH-MUG-350", "马克杯", "350ml", 1, 4900)));
    }
}
