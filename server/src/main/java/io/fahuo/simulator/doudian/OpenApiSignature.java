package io.fahuo.simulator.doudian;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the platform checks a request: it re-canonicalises the posted body (keys sorted at every level) and
 * recomputes the signature with the declared method. Written independently of Fahuo's client on purpose.
 */
final class OpenApiSignature {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiSignature() {
    }

    static String canonicalBody(String body) {
        if (body == null || body.isBlank()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder(body.length());
        write(JSON.readTree(body), out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(JSON.writeValueAsString(names.get(i))).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal n = node.decimalValue();
            out.append(n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.stripTrailingZeros().toPlainString());
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }

    static String expected(String signMethod, String appKey, String secret, String method, String canonicalJson, String timestamp) {
        String plain = secret + "app_key" + appKey + "method" + method + "param_json" + canonicalJson + "timestamp" + timestamp + "v2" + secret;
        try {
            byte[] digest;
            if ("hmac-sha256".equals(signMethod)) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            } else {
                digest = MessageDigest.getInstance("MD5").digest(plain.getBytes(StandardCharsets.UTF_8));
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> toMap(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(body, new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }
}
