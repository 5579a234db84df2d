package io.fahuo.couriers.sf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SF's {@code msgDigest}: base64 of the raw 16-byte MD5 of the UTF-8 bytes of
 * {@code URLEncoder.encode(msgData + timestamp + checkWord, "UTF-8")} (Java form encoding: space becomes
 * '+', '*' stays). Unlike Kdniao, the digest bytes themselves are base64-encoded, not their hex.
 */
public final class SfSigner {

    private SfSigner() {
    }

    public static String msgDigest(String msgData, String timestamp, String checkWord) {
        try {
            String encoded = URLEncoder.encode(msgData + timestamp + checkWord, StandardCharsets.UTF_8);
            byte[] md5 = MessageDigest.getInstance("MD5").digest(encoded.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
