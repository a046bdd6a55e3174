package io.slotbridge.calendarconnector.command;

import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.MoveSlot;
import io.slotbridge.contracts.calendar.SlotIds;
import java.time.ZoneId;

/** Checks a command can be sent to Google at all; the answer to a bad one is an {@code INVALID} rejection. */
final class CommandValidation {

    /** Google allows popup reminders up to four weeks before the event. */
    private static final int MAX_REMINDER_MINUTES = 40320;

    private CommandValidation() {}

    /** What is wrong with the command, or null. */
    static String problemWith(CalendarCommand command, TenantSettings tenant) {
        String calendarId = tenant.calendar().calendarId();
        if (!command.calendarId().equals(calendarId)) {
            return "command targets calendar " + command.calendarId() + " but tenant " + command.tenant()
                    + " syncs calendar " + calendarId;
        }
        if (!SlotIds.isValidGoogleEventId(command.slotId())) {
            return "slot id '" + command.slotId() + "' is not a valid Google event id (base32hex a-v0-9, 5-1024 chars)";
        }
        if (command instanceof CreateSlot create) {
            if (!create.end().isAfter(create.start())) {
                return "slot end " + create.end() + " is not after its start " + create.start();
            }
            if (create.reminderMinutes() < 0 || create.reminderMinutes() > MAX_REMINDER_MINUTES) {
                return "reminder of " + create.reminderMinutes() + " minutes is outside 0.." + MAX_REMINDER_MINUTES;
            }
            if (!ZoneId.getAvailableZoneIds().contains(create.timeZone())) {
                return "unknown time zone '" + create.timeZone() + "'";
            }
        }
        if (command instanceof MoveSlot move && !move.end().isAfter(move.start())) {
            return "slot end " + move.end() + " is not after its start " + move.start();
        }
        return null;
    }
}
