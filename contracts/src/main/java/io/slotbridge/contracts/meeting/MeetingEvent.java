package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code meeting.events.v1}: the meeting lifecycle of a lead as the sync service decided it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(MeetingScheduled.class),
    @JsonSubTypes.Type(MeetingRescheduled.class),
    @JsonSubTypes.Type(MeetingConfirmed.class),
    @JsonSubTypes.Type(MeetingHeld.class),
    @JsonSubTypes.Type(MeetingCancelled.class),
    @JsonSubTypes.Type(ClientUnreachable.class),
    @JsonSubTypes.Type(SlaBreached.class),
    @JsonSubTypes.Type(SlotRestored.class),
    @JsonSubTypes.Type(ExpertResponded.class)
})
public sealed interface MeetingEvent extends DomainEvent, LeadScoped
        permits MeetingScheduled,
                MeetingRescheduled,
                MeetingConfirmed,
                MeetingHeld,
                MeetingCancelled,
                ClientUnreachable,
                SlaBreached,
                SlotRestored,
                ExpertResponded {

    /** 1 for the lead's first meeting, growing with each re-booking. */
    int meetingNumber();

    /** The calendar event id of the meeting's slot. */
    String slotId();

    String causationId();
}
