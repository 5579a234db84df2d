package io.fahuo.couriers.kdniao;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KdniaoSignerTest {

    /** Vector computed independently (Python hashlib/base64) from the algorithm in the protocol notes. */
    @Test
    void dataSignIsBase64OfTheHexMd5() {
        String requestData = "{\"OrderCode\":\"FH1001\",\"ShipperCode\":\"ZTO\"}";
        String sign = KdniaoSigner.dataSign(requestData, "56da2cf8-c8a2-44b2-b6fa-476cd7d1ba17");
        assertThat(sign).isEqualTo("MzJjYTk2NGJhN2QwMGZjMjAyOTY0MGYwNzEzZjljNTY=");
        assertThat(new String(Base64.getDecoder().decode(sign), StandardCharsets.US_ASCII))
                .isEqualTo("32ca964ba7d00fc2029640f0713f9c56");
    }

    @Test
    void formEncodesTheSignOnce() {
        // '=' and '+' in the base64 must survive exactly one round of form decoding on the server
        String sign = KdniaoSigner.dataSign("{}", "k");
        String encoded = java.net.URLEncoder.encode(sign, StandardCharsets.UTF_8);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(sign);
    }
}
