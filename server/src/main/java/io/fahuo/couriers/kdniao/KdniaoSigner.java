package io.fahuo.couriers.kdniao;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Kdniao's {@code DataSign}: base64 of the lowercase hex MD5 of {@code RequestData + AppKey} (base64 over
 * the 32 hex characters, not the 16 raw bytes). The form encoding of the request encodes it once more.
 */
public final class KdniaoSigner {

    private KdniaoSigner() {
    }

    public static String dataSign(String requestData, String appKey) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((requestData + appKey).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5);
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
