package io.slotbridge.contracts.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Google event ids for meeting slots, derived from tenant, lead and meeting number. Google accepts client-supplied
 * ids made of base32hex characters ({@code a-v}, {@code 0-9}), 5 to 1024 long, unique per calendar; inserting an id
 * twice answers 409. So a create that is retried after a timeout can never make a second slot.
 */
public final class SlotIds {

    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private SlotIds() {}

    /** {@code sb} + 32 base32hex characters of SHA-256(tenant|lead|meeting). */
    public static String of(String tenant, String leadId, int meetingNumber) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        byte[] digest = sha256(tenant + "|" + leadId + "|" + meetingNumber);
        StringBuilder id = new StringBuilder("sb");
        long buffer = 0;
        int bits = 0;
        for (int i = 0; i < 20 && id.length() < 34; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5 && id.length() < 34) {
                bits -= 5;
                id.append(BASE32HEX[(int) ((buffer >> bits) & 31)]);
            }
        }
        return id.toString();
    }

    /** Whether Google would accept the id as a client-supplied event id. */
    public static boolean isValidGoogleEventId(String id) {
        return id != null && id.length() >= 5 && id.length() <= 1024 && id.matches("[a-v0-9]+");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
