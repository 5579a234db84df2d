package io.fahuo.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fahuo.orders.domain.ReceiverSnapshot;

/** How intake tells a changed receiver from the same one read again. */
class ReceiverFingerprintTest {

    static ReceiverSnapshot receiver(String city, String detailMasked, String cipher) {
        return new ReceiverSnapshot("浙江省", city, "西湖区", "西溪街道", "李*", "138****1234", detailMasked, "{\"detail\":\"" + cipher + "\"}");
    }

    @Test
    void aNewRegionOrMaskedPartIsAChange() {
        String before = OrderIntake.fingerprint(receiver("杭州市", "文三路****", "#ML3B#a#1##"));
        assertThat(OrderIntake.receiverChanged(before, OrderIntake.fingerprint(receiver("宁波市", "文三路****", "#ML3B#b#1##")), false)).isTrue();
        assertThat(OrderIntake.receiverChanged(before, OrderIntake.fingerprint(receiver("杭州市", "天目山路****", "#ML3B#a#1##")), false)).isTrue();
    }

    @Test
    void newCiphertextsAloneCountOnlyWhenThePlatformUpdatedTheOrder() {
        String before = OrderIntake.fingerprint(receiver("杭州市", "文三路****", "#ML3B#a#1##"));
        String reEncrypted = OrderIntake.fingerprint(receiver("杭州市", "文三路****", "#ML3B#c#1##"));
        assertThat(OrderIntake.receiverChanged(before, reEncrypted, false)).isFalse();
        assertThat(OrderIntake.receiverChanged(before, reEncrypted, true)).isTrue();
    }

    @Test
    void theSameReceiverOrNoEarlierFingerprintIsNoChange() {
        String before = OrderIntake.fingerprint(receiver("杭州市", "文三路****", "#ML3B#a#1##"));
        assertThat(OrderIntake.receiverChanged(before, OrderIntake.fingerprint(receiver("杭州市", "文三路****", "#ML3B#a#1##")), true)).isFalse();
        assertThat(OrderIntake.receiverChanged(null, before, true)).isFalse();
        assertThat(before).hasSizeLessThanOrEqualTo(64);
    }
}
