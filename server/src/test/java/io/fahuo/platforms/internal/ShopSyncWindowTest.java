package io.fahuo.platforms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fahuo.orders.OrderIntake;
import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.platforms.PlatformConnector;
import io.fahuo.platforms.PlatformGateway;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.OrderWindowPage;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.platforms.domain.ShippingConfirmation;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShopCredentials;

/** A sync window whose orders leave it while it is paged (they ship meanwhile) still takes every order in. */
class ShopSyncWindowTest {

    /** A platform window of orders in update-time order; orders that ship leave it (their update time moves on). */
    static final class ShippingWhilePaged implements PlatformConnector {
        final List<String> window = new ArrayList<>();

        ShippingWhilePaged(int orders) {
            for (int i = 0; i < orders; i++) {
                window.add(String.format("O%04d", i));
            }
        }

        @Override
        public Platform platform() {
            return Platform.DOUDIAN;
        }

        @Override
        public OrderWindowPage ordersUpdatedBetween(ShopCredentials shop, Instant from, Instant to, int page, int size) {
            int total = window.size();
            List<String> ids = window.subList(Math.min(total, page * size), Math.min(total, page * size + size));
            return new OrderWindowPage(ids.stream().map(ShippingWhilePaged::order).toList(), total, page, size);
        }

        static IncomingOrder order(String id) {
            IncomingOrder o = mock(IncomingOrder.class);
            when(o.platformOrderId()).thenReturn(id);
            return o;
        }

        @Override
        public Optional<IncomingOrder> order(ShopCredentials shop, String platformOrderId) {
            return Optional.empty();
        }

        @Override
        public Map<String, ReceiverPlaintext> revealReceivers(ShopCredentials shop, Map<String, String> sensitiveByOrderId) {
            return Map.of();
        }

        @Override
        public ConfirmationOutcome confirmShipping(ShopCredentials shop, ShippingConfirmation confirmation) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void ordersThatLeaveTheWindowWhileItIsPagedMakeNoOtherOrderSlipThrough() {
        ShippingWhilePaged platform = new ShippingWhilePaged(1_050);
        PlatformGateway gateway = mock(PlatformGateway.class);
        when(gateway.connector(Platform.DOUDIAN)).thenReturn(platform);
        OrderIntake intake = mock(OrderIntake.class);
        Set<String> takenIn = new HashSet<>();
        doAnswer(call -> {
            List<IncomingOrder> page = call.getArgument(3);
            page.forEach(o -> takenIn.add(o.platformOrderId()));
            // the pipeline ships the first five of every page taken in while the sync reads on
            page.stream().limit(5).forEach(o -> platform.window.remove(o.platformOrderId()));
            return new OrderIntake.Result(page.size(), 0, 0);
        }).when(intake).accept(anyLong(), anyLong(), anyString(), any());
        Shop shop = new Shop(7, 1, Platform.DOUDIAN, "shop", "4463798", "http://localhost", "key", null, true, null, null, null);

        new ShopSyncJob.Window(mock(Shops.class), gateway, intake, 100, 50_000)
                .sync(shop, null, Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:05:00Z"));

        assertThat(takenIn).hasSize(1_050);
    }
}
