package io.slotbridge.calendarconnector.slot.domain;

import io.slotbridge.contracts.calendar.SlotAttendee;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * A hash of what a slot snapshot says (lead, status, text, time, colour, guests, reminder). Bookkeeping fields
 * ({@code etag}, {@code updated}, {@code sequence}) are left out on purpose: a change to a field we do not carry, or a
 * full resync that reads an unchanged event again, must not publish a duplicate snapshot.
 */
public final class SlotFingerprint {

    private SlotFingerprint() {}

    public static String of(CalendarEntry entry, LeadLink link) {
        StringJoiner canonical = new StringJoiner("\u001f");
        canonical.add(link.leadId()).add(String.valueOf(link.meetingNumber()));
        canonical.add(entry.status().name()).add(String.valueOf(entry.summary()));
        canonical.add(String.valueOf(entry.description()));
        canonical.add(String.valueOf(entry.start())).add(String.valueOf(entry.end()));
        canonical.add(String.valueOf(entry.timeZone())).add(String.valueOf(entry.colorId()));
        for (SlotAttendee attendee : entry.attendees()) {
            canonical.add(attendee.email() + "=" + attendee.responseStatus());
        }
        canonical.add(String.valueOf(entry.reminderMinutes()));
        return sha256(canonical.toString());
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
