package io.slotbridge.calendarconnector.slot.domain;

import io.slotbridge.contracts.calendar.SlotLinkProperties;
import java.util.Objects;

/**
 * What our last command left on an event: the command id (also written as the {@link SlotLinkProperties#LAST_COMMAND}
 * private property) and the etag Google answered our write with.
 *
 * <p>An event is our own echo only while both still match. Google gives every change a new etag, so a person's edit
 * on top of our write (which keeps our private properties) changes the etag and is no longer ours.
 */
public record OwnWrite(String commandId, String etag) {

    public OwnWrite {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(etag, "etag");
    }

    public boolean isCurrentStateOf(CalendarEntry entry) {
        return etag.equals(entry.etag()) && commandId.equals(entry.privateProperty(SlotLinkProperties.LAST_COMMAND));
    }
}
