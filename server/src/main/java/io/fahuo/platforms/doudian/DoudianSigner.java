package io.fahuo.platforms.doudian;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Douyin Open Platform request signature: over
 * {@code secret + "app_key"+key + "method"+method + "param_json"+json + "timestamp"+ts + "v"+"2" + secret},
 * lowercase hex of HMAC-SHA256 (keyed with the secret) or of MD5.
 */
public final class DoudianSigner {

    public enum Method {
        HMAC_SHA256("hmac-sha256"), MD5("md5");

        final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private DoudianSigner() {
    }

    public static String stringToSign(String appKey, String appSecret, String method, String paramJson, String timestamp) {
        return appSecret + "app_key" + appKey + "method" + method + "param_json" + paramJson + "timestamp" + timestamp
                + "v" + "2" + appSecret;
    }

    public static String sign(Method signMethod, String appKey, String appSecret, String method, String paramJson, String timestamp) {
        byte[] message = stringToSign(appKey, appSecret, method, paramJson, timestamp).getBytes(StandardCharsets.UTF_8);
        try {
            if (signMethod == Method.HMAC_SHA256) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(message));
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
