package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The signing vector of ../shared/protocols/doudian.md, and the canonical param_json rules. */
class DoudianSignerTest {

    static final String KEY = "7000000000000000001";
    static final String SECRET = "test_secret";
    static final String JSON = "{\"create_time_end\":1700000000,\"create_time_start\":1699996400,\"page\":0,\"size\":20}";

    @Test
    void hmacSha256MatchesThePublishedVector() {
        assertThat(DoudianSigner.sign(DoudianSigner.Method.HMAC_SHA256, KEY, SECRET, "order.searchList", JSON, "1700000000"))
                .isEqualTo("9eb2c16b102bf2e2abe5650577ca881052e9aca1cc4ecda07a868944bdb00c29");
    }

    @Test
    void md5MatchesThePublishedVector() {
        assertThat(DoudianSigner.sign(DoudianSigner.Method.MD5, KEY, SECRET, "order.searchList", JSON, "1700000000"))
                .isEqualTo("ef7a33f4395fa3f70c9ac900ee32b219");
    }

    @Test
    void canonicalJsonSortsKeysAtEveryLevelAndKeepsArrayOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", "中文<&>");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("size", 20);
        params.put("page", 0);
        params.put("list", List.of(inner, Map.of("b", 2.0)));
        assertThat(DoudianJson.canonical(params))
                .isEqualTo("{\"list\":[{\"a\":\"中文<&>\",\"z\":1},{\"b\":2}],\"page\":0,\"size\":20}");
    }

    @Test
    void canonicalFormOfTheVectorParamsIsTheSignedString() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("size", 20);
        params.put("page", 0);
        params.put("create_time_start", 1699996400L);
        params.put("create_time_end", 1700000000L);
        assertThat(DoudianJson.canonical(params)).isEqualTo(JSON);
        assertThat(DoudianJson.canonical(Map.of())).isEqualTo("{}");
    }
}
