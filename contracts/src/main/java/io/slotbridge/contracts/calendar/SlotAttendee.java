package io.slotbridge.contracts.calendar;

import java.util.Objects;

/**
 * A guest of the slot.
 *
 * @param responseStatus Google's value: {@code needsAction}, {@code declined}, {@code tentative}, {@code accepted}
 */
public record SlotAttendee(String email, String responseStatus) {

    public SlotAttendee {
        Objects.requireNonNull(email, "email");
    }
}
