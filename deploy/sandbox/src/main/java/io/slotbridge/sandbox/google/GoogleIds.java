package io.slotbridge.sandbox.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Google's id rules: event ids in base32hex ({@code a-v0-9}, 5–1024 long); stable resource ids per calendar. */
final class GoogleIds {

    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private GoogleIds() {}

    static boolean isValidEventId(String id) {
        return id.length() >= 5 && id.length() <= 1024 && id.matches("[a-v0-9]+");
    }

    /** A server-chosen event id, as Google assigns when the client sends none. */
    static String newEventId() {
        StringBuilder id = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            id.append(BASE32HEX[RANDOM.nextInt(32)]);
        }
        return id.toString();
    }

    /** The opaque id of a calendar's events collection, the same for every channel watching it. */
    static String resourceId(String calendarId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(calendarId.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                id.append(String.format("%02x", digest[i]));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
