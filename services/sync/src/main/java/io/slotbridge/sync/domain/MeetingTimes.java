package io.slotbridge.sync.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The meeting-time field as the crm-connector normalises it: ISO-8601 with offset. */
final class MeetingTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private MeetingTimes() {}

    /**
     * Reads the field value: ISO-8601 with offset (the contract), a local date-time in the tenant's zone, or epoch
     * seconds (amoCRM's raw form). Returns null for anything else.
     */
    static Instant parse(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                if (value.matches("\\d{9,11}")) {
                    return Instant.ofEpochSecond(Long.parseLong(value));
                }
                return null;
            }
        }
    }

    /** The field value we write: ISO-8601 with the tenant's offset, e.g. {@code 2026-11-24T13:00:00+03:00}. */
    static String format(Instant time, ZoneId zone) {
        return OffsetDateTime.ofInstant(time, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String clock(Instant time, ZoneId zone) {
        return TIME.format(time.atZone(zone));
    }

    static String dateTime(Instant time, ZoneId zone) {
        return DATE_TIME.format(time.atZone(zone));
    }
}
