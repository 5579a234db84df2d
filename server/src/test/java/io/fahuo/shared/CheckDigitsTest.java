package io.fahuo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    /** The UPU S10 example of the protocol notes: AA123456785BR is valid; any other check digit is not. */
    @Test
    void s10() {
        assertThat(CheckDigits.s10("AA123456785BR")).isTrue();
        assertThat(CheckDigits.s10("AA123456784BR")).isFalse();
        assertThat(CheckDigits.s10("AA12345678BR")).isFalse();
        assertThat(Carrier.EMS.looksLikeTrackingNumber("EA123456785CN")).isTrue();
        assertThat(Carrier.EMS.looksLikeTrackingNumber("EA123456789CN")).isFalse();
        assertThat(Carrier.EMS.looksLikeTrackingNumber("9876543210123")).isTrue();
    }

    /** UPS's published test number 1Z999AA10123456784, and the same with a wrong check digit. */
    @Test
    void ups1z() {
        assertThat(CheckDigits.ups1z("1Z999AA10123456784")).isTrue();
        assertThat(CheckDigits.ups1z("1Z999AA10123456785")).isFalse();
        assertThat(CheckDigits.ups1z("1Z12345E6605272234")).isTrue();
        assertThat(Carrier.UPS.looksLikeTrackingNumber("1Z999AA10123456784")).isTrue();
        assertThat(Carrier.UPS.looksLikeTrackingNumber("1Z999AA1012345678")).isFalse();
    }
}
