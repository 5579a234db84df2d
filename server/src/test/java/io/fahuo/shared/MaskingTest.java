package io.fahuo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void namesKeepTheFirstCharacter() {
        assertThat(Masking.name("李四")).isEqualTo("李*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**");
        assertThat(Masking.name("🌸王")).isEqualTo("🌸*");
        assertThat(Masking.name(null)).isEmpty();
    }

    @Test
    void phonesKeepThreeAndFour() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("18400913965-7576")).isEqualTo("184****3965-7576");
        assertThat(Masking.phone("12345")).isEqualTo("*****");
    }

    @Test
    void addressDetailHidesHouseNumbers() {
        assertThat(Masking.addressDetail("文三路478号华星时代广场A座1201")).isEqualTo("文三路****");
        assertThat(Masking.addressDetail("12栋3单元")).isEqualTo("****");
    }
}
