package io.slotbridge.calendarconnector.slot.domain;

import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of the fields we manage that a command wants an existing slot to have. Fields the command does not touch
 * are copied from the current event, so applying an edit never clears anything by accident.
 *
 * @param colorId null for the calendar's colour
 * @param guestEmails the complete guest list
 */
public record SlotEdit(
        String summary,
        String description,
        String colorId,
        SlotStatus status,
        Instant start,
        Instant end,
        List<String> guestEmails) {

    public SlotEdit {
        guestEmails = guestEmails == null ? List.of() : List.copyOf(guestEmails);
    }

    /** The edit that changes nothing. */
    public static SlotEdit keeping(CalendarEntry current) {
        return new SlotEdit(
                current.summary(),
                current.description(),
                current.colorId(),
                current.status(),
                current.start(),
                current.end(),
                current.attendees().stream().map(SlotAttendee::email).toList());
    }

    /** False when the event already looks like this (the command was applied before, or asks for no change). */
    public boolean changes(CalendarEntry current) {
        return !equals(keeping(current));
    }

    public SlotEdit withSummary(String value) {
        return new SlotEdit(value, description, colorId, status, start, end, guestEmails);
    }

    public SlotEdit withDescription(String value) {
        return new SlotEdit(summary, value, colorId, status, start, end, guestEmails);
    }

    public SlotEdit withColorId(String value) {
        return new SlotEdit(summary, description, blankToNull(value), status, start, end, guestEmails);
    }

    public SlotEdit withStatus(SlotStatus value) {
        return new SlotEdit(summary, description, colorId, Objects.requireNonNull(value), start, end, guestEmails);
    }

    public SlotEdit withTime(Instant newStart, Instant newEnd) {
        if (!newEnd.isAfter(newStart)) {
            throw new IllegalArgumentException("slot end " + newEnd + " is not after its start " + newStart);
        }
        return new SlotEdit(summary, description, colorId, status, newStart, newEnd, guestEmails);
    }

    public SlotEdit withGuests(List<String> value) {
        return new SlotEdit(summary, description, colorId, status, start, end, value);
    }

    /** Google's {@code colorId} is absent for the calendar colour; the tenant file writes that as "". */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
