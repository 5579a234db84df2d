package io.fahuo.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fahuo.orders.domain.IntakePolicy;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.PlatformState;

class IntakePolicyTest {

    @Test
    void onlyShippableOrdersStartThePipeline() {
        assertThat(IntakePolicy.forNewOrder(PlatformState.SHIPPABLE).becameShippable()).isTrue();
        assertThat(IntakePolicy.forNewOrder(PlatformState.UNPAID).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(IntakePolicy.forNewOrder(PlatformState.PAID_HELD).status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(IntakePolicy.forNewOrder(PlatformState.CANCELLED).becameShippable()).isFalse();
    }

    @Test
    void paymentAndPlatformReleaseMakeAnOrderShippable() {
        var paid = IntakePolicy.forUpdate(OrderStatus.UNPAID, null, PlatformState.SHIPPABLE);
        assertThat(paid.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(paid.becameShippable()).isTrue();
        var released = IntakePolicy.forUpdate(OrderStatus.ON_HOLD, IntakePolicy.PLATFORM_HOLD, PlatformState.SHIPPABLE);
        assertThat(released.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aManualHoldIsNotReleasedByThePlatform() {
        var d = IntakePolicy.forUpdate(OrderStatus.ON_HOLD, "manual: check address", PlatformState.SHIPPABLE);
        assertThat(d.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(d.holdReason()).isEqualTo("manual: check address");
    }

    @Test
    void cancellationStopsEverythingButAShippedOrder() {
        assertThat(IntakePolicy.forUpdate(OrderStatus.WAYBILL_ISSUED, null, PlatformState.CANCELLED).cancelled()).isTrue();
        assertThat(IntakePolicy.forUpdate(OrderStatus.SHIPPED, null, PlatformState.CANCELLED).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void ordersInFlightAreNotMarkedShippedByIntake() {
        assertThat(IntakePolicy.forUpdate(OrderStatus.WAYBILL_ISSUED, null, PlatformState.SHIPPED).status())
                .isEqualTo(OrderStatus.WAYBILL_ISSUED);
        assertThat(IntakePolicy.forUpdate(OrderStatus.UNPAID, null, PlatformState.SHIPPED).status()).isEqualTo(OrderStatus.SHIPPED);
    }
}
