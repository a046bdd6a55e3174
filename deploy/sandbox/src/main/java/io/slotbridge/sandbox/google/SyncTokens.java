package io.slotbridge.sandbox.google;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque sync and page tokens: a position in a calendar's change sequence, the calendar's token generation and (for
 * sync tokens) when it was issued, so old, foreign or invalidated tokens are recognised.
 */
final class SyncTokens {

    /** A decoded sync token. */
    record Sync(long generation, long seq, Instant issuedAt) {}

    /** A decoded page token: which list (fromSeq -1 = full) up to which snapshot, continuing after lastSeq. */
    record PageCursor(long generation, long fromSeq, long snapshotSeq, long lastSeq) {}

    private SyncTokens() {}

    static String sync(String calendarId, long generation, long seq, Instant issuedAt) {
        return encode("s|" + calendarId + "|" + generation + "|" + seq + "|" + issuedAt.toEpochMilli());
    }

    /** Null when the token is not one of ours for this calendar. */
    static Sync parseSync(String calendarId, String token) {
        String[] parts = decode(token);
        if (parts == null || parts.length != 5 || !"s".equals(parts[0]) || !calendarId.equals(parts[1])) {
            return null;
        }
        try {
            return new Sync(
                    Long.parseLong(parts[2]), Long.parseLong(parts[3]), Instant.ofEpochMilli(Long.parseLong(parts[4])));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String page(String calendarId, PageCursor cursor) {
        return encode("p|" + calendarId + "|" + cursor.generation() + "|" + cursor.fromSeq() + "|"
                + cursor.snapshotSeq() + "|" + cursor.lastSeq());
    }

    static PageCursor parsePage(String calendarId, String token) {
        String[] parts = decode(token);
        if (parts == null || parts.length != 6 || !"p".equals(parts[0]) || !calendarId.equals(parts[1])) {
            return null;
        }
        try {
            return new PageCursor(
                    Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]),
                    Long.parseLong(parts[5]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
