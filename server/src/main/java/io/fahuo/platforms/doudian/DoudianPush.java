package io.fahuo.platforms.doudian;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Douyin's message push (消息推送): a JSON array {@code [{tag, msg_id, data}]} where {@code data} is a JSON
 * string, signed in the header {@code event-sign} = lowercase hex MD5(app_key + raw body + app_secret), the
 * app key in header {@code app-id}. Tag "0" is the platform checking the URL. Pure: no I/O.
 */
public final class DoudianPush {

    public static final String VERIFICATION_TAG = "0";
    /** What the platform wants back within 5 s; anything else and it pushes again. */
    public static final String ACK = "{\"code\":0,\"msg\":\"success\"}";

    /**
     * One message. {@code orderId} is the shop order ({@code p_id}); {@code shopId} the platform shop; both
     * null for the verification message.
     */
    public record Message(String tag, String msgId, String shopId, String orderId) {

        public boolean isVerification() {
            return VERIFICATION_TAG.equals(tag);
        }
    }

    private DoudianPush() {
    }

    public static String sign(String appKey, String rawBody, String appSecret) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((appKey + rawBody + appSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time, so the answer's timing tells nothing about how much of a forged sign matched. */
    public static boolean verify(String appKey, String rawBody, String appSecret, String eventSign) {
        if (eventSign == null || appKey == null || appSecret == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(appKey, rawBody, appSecret).getBytes(StandardCharsets.US_ASCII),
                eventSign.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The messages of a push body; throws IllegalArgumentException for a body that is not the platform's shape. */
    public static List<Message> parse(String rawBody) {
        JsonNode root;
        try {
            root = DoudianJson.parse(rawBody);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the push body is not JSON");
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("a Douyin push body is a JSON array of messages");
        }
        List<Message> out = new ArrayList<>();
        for (JsonNode m : root) {
            String tag = DoudianMapper.text(m, "tag");
            String msgId = DoudianMapper.text(m, "msg_id");
            if (tag == null || tag.isBlank() || msgId == null || msgId.isBlank()) {
                throw new IllegalArgumentException("every message needs tag and msg_id");
            }
            if (VERIFICATION_TAG.equals(tag)) {
                out.add(new Message(tag, msgId, null, null));
                continue;
            }
            JsonNode data = m.path("data");
            if (data.isString()) {
                try {
                    data = DoudianJson.parse(data.stringValue());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("message " + msgId + ": data is not JSON");
                }
            }
            out.add(new Message(tag, msgId, DoudianMapper.text(data, "shop_id"), DoudianMapper.text(data, "p_id")));
        }
        return out;
    }
}
