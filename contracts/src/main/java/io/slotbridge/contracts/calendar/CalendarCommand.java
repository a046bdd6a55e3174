package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.Command;
import io.slotbridge.contracts.LeadScoped;

/**
 * {@code calendar.commands.v1}: writes to a calendar slot. {@code slotId} is the Google event id, derived
 * deterministically from tenant, lead and meeting number, so a retried create cannot make a second slot.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(CreateSlot.class),
    @JsonSubTypes.Type(PaintSlot.class),
    @JsonSubTypes.Type(MoveSlot.class),
    @JsonSubTypes.Type(RestoreSlot.class),
    @JsonSubTypes.Type(UpdateSlotDetails.class)
})
public sealed interface CalendarCommand extends Command, LeadScoped
        permits CreateSlot, PaintSlot, MoveSlot, RestoreSlot, UpdateSlotDetails {

    String calendarId();

    String slotId();

    String causationId();
}
