package io.slotbridge.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparing and showing secrets without leaking them. */
public final class Secrets {

    private Secrets() {}

    /**
     * Constant-time equality. Both sides are hashed first, so neither the content nor the length of the expected
     * secret leaks through timing.
     */
    public static boolean constantTimeEquals(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    /** A form safe for logs: never more than the first two characters. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "<empty>";
        }
        return secret.length() <= 8 ? "***" : secret.substring(0, 2) + "***";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
