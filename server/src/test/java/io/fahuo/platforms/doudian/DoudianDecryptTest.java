package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fahuo.orders.domain.IncomingOrder;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.simulator.doudian.SimOrderFactory;

/** order.batchDecrypt takes at most 50 ciphertexts a call: the connector cuts larger requests into batches. */
class DoudianDecryptTest {

    @Test
    void receiversOfManyOrdersAreDecryptedInBatchesOfFifty() {
        InProcessDoudian douyin = new InProcessDoudian();
        List<String> ids = douyin.platform.createOrders(InProcessDoudian.SHOP, 40, SimOrderFactory.Spec.DEFAULT);
        Map<String, String> sensitive = new LinkedHashMap<>();
        for (String id : ids) {
            IncomingOrder o = douyin.connector.order(douyin.shop(), id).orElseThrow();
            assertThat(o.receiver().nameMasked()).contains("*");
            sensitive.put(id, o.receiver().sensitive());
        }
        Map<String, ReceiverPlaintext> plain = douyin.connector.revealReceivers(douyin.shop(), sensitive);
        assertThat(plain).hasSize(40);
        // 40 orders × (name, phone, address) = 120 ciphertexts → 3 calls; the simulator refuses more than 50 in one
        assertThat(douyin.calls("order.batchDecrypt")).isEqualTo(3);
        Map<String, Object> onPlatform = douyin.platform.snapshot(ids.get(0));
        assertThat(plain.get(ids.get(0)).province()).isEqualTo(((Map<?, ?>) ((Map<?, ?>) onPlatform.get("post_addr")).get("province")).get("name"));
        assertThat(plain.get(ids.get(0)).name()).doesNotContain("*");
    }
}
