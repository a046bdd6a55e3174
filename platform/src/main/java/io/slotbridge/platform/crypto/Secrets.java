package io.slotbridge.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparing and showing secrets without leaking them. */
public final class Secrets {

    private Secrets() {}

    /**
     * Constant-time equality. {@link MessageDigest#isEqual} walks the whole first array whatever the second holds, so
     * with the presented value first the time depends only on what the caller sent: neither the content nor the
     * length of the expected secret leaks. (Hashing both sides first did the same at ten times the cost, on every
     * webhook.)
     */
    public static boolean constantTimeEquals(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** A form safe for logs: never more than the first two characters. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "<empty>";
        }
        return secret.length() <= 8 ? "***" : secret.substring(0, 2) + "***";
    }
}
