package io.slotbridge.calendarconnector.slot.domain;

import io.slotbridge.contracts.calendar.MoveSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import java.util.List;

/** What each update command wants an existing slot to look like. */
public final class SlotEdits {

    private SlotEdits() {}

    /** Colour plus a reason line at the end of the description. */
    public static SlotEdit paint(CalendarEntry current, PaintSlot command) {
        return SlotEdit.keeping(current)
                .withColorId(command.colorId())
                .withDescription(DescriptionLines.append(current.description(), command.reasonLine()));
    }

    /** New start and end; the title carries the time, so it changes too when given. */
    public static SlotEdit move(CalendarEntry current, MoveSlot command) {
        SlotEdit edit = SlotEdit.keeping(current).withTime(command.start(), command.end());
        return command.title() == null ? edit : edit.withSummary(command.title());
    }

    /** A deleted (cancelled) slot comes back by setting its status to confirmed; painted, with the reason noted. */
    public static SlotEdit restore(CalendarEntry current, RestoreSlot command) {
        return SlotEdit.keeping(current)
                .withStatus(SlotStatus.CONFIRMED)
                .withColorId(command.colorId())
                .withDescription(DescriptionLines.append(current.description(), command.reasonLine()));
    }

    /** Title, description and guest: null fields stay, {@code removeGuest} empties the guest list. */
    public static SlotEdit updateDetails(CalendarEntry current, UpdateSlotDetails command) {
        SlotEdit edit = SlotEdit.keeping(current);
        if (command.title() != null) {
            edit = edit.withSummary(command.title());
        }
        if (command.description() != null) {
            edit = edit.withDescription(command.description());
        }
        if (command.removeGuest()) {
            edit = edit.withGuests(List.of());
        } else if (command.guestEmail() != null && !command.guestEmail().isBlank()) {
            edit = edit.withGuests(List.of(command.guestEmail().strip()));
        }
        return edit;
    }
}
