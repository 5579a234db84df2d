package io.fahuo.couriers.sf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SfSignerTest {

    /**
     * The MD5 → base64 core, from the public Go SDK taadis/sf-express-sdk-go (sdk/client_test.go,
     * TestComputeVerifyCode: "123456" → "4QrcOUm6Wau+VuBX8g+IPg=="). "12"+"34"+"56" is unchanged by URL encoding.
     */
    @Test
    void digestIsBase64OfTheRawMd5() {
        assertThat(SfSigner.msgDigest("12", "34", "56")).isEqualTo("4QrcOUm6Wau+VuBX8g+IPg==");
    }

    /**
     * Vectors computed independently (Python: base64(md5(urllib.parse.quote_plus(s, safe='*')))), which
     * encodes as Java's URLEncoder does for these characters: JSON punctuation, a space, Chinese, '*'.
     */
    @Test
    void digestIsTakenOverTheUrlEncodedText() {
        assertThat(SfSigner.msgDigest("{\"language\":\"0\",\"trackingType\":\"1\",\"trackingNumber\":[\"SF7444407670710\"],\"methodType\":\"1\"}",
                "1700000000000", "demo-sf-checkword-7d1e")).isEqualTo("rP+C18W73Nap4WFbruV0dQ==");
        assertThat(SfSigner.msgDigest("{\"orderId\":\"FH1001\",\"remark\":\"小心 轻放\"}", "1700000000000", "abc*123"))
                .isEqualTo("N63f6uGgCRysY9Pd3oBvIA==");
    }
}
