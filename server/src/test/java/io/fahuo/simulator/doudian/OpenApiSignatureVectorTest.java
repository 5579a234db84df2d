package io.fahuo.simulator.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simulator's verifier computes the signing vector of the protocol notes, from an unsorted, spaced body. */
class OpenApiSignatureVectorTest {

    static final String UNSORTED_BODY = "{ \"size\": 20, \"page\": 0, \"create_time_start\": 1699996400, \"create_time_end\": 1700000000.0 }";

    @Test
    void reCanonicalisesTheBodyBeforeChecking() {
        assertThat(OpenApiSignature.canonicalBody(UNSORTED_BODY))
                .isEqualTo("{\"create_time_end\":1700000000,\"create_time_start\":1699996400,\"page\":0,\"size\":20}");
        assertThat(OpenApiSignature.canonicalBody("")).isEqualTo("{}");
    }

    @Test
    void hmacSha256Vector() {
        assertThat(OpenApiSignature.expected("hmac-sha256", "7000000000000000001", "test_secret", "order.searchList",
                OpenApiSignature.canonicalBody(UNSORTED_BODY), "1700000000"))
                .isEqualTo("9eb2c16b102bf2e2abe5650577ca881052e9aca1cc4ecda07a868944bdb00c29");
    }

    @Test
    void md5Vector() {
        assertThat(OpenApiSignature.expected("md5", "7000000000000000001", "test_secret", "order.searchList",
                OpenApiSignature.canonicalBody(UNSORTED_BODY), "1700000000"))
                .isEqualTo("ef7a33f4395fa3f70c9ac900ee32b219");
    }
}
