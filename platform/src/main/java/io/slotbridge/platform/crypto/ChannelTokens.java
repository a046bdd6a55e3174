package io.slotbridge.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Google watch-channel tokens. The calendar-connector opens each channel with a random channel id and the token
 * {@code HMAC-SHA256(pushSecret, "google-channel:" + tenant + ":" + channelId)}; Google echoes it in
 * {@code X-Goog-Channel-Token}. The stateless gateway recomputes and compares it in constant time, so it can verify
 * any channel without sharing a database with the connector.
 */
public final class ChannelTokens {

    private ChannelTokens() {}

    public static String tokenFor(String pushSecret, String tenant, String channelId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pushSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(("google-channel:" + tenant + ":" + channelId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(String pushSecret, String tenant, String channelId, String presentedToken) {
        if (pushSecret == null || channelId == null || presentedToken == null) {
            return false;
        }
        return Secrets.constantTimeEquals(tokenFor(pushSecret, tenant, channelId), presentedToken);
    }
}
