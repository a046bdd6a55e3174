package io.slotbridge.calendarconnector.slot.domain;

import java.util.Objects;

/**
 * The lead a calendar event belongs to.
 *
 * @param meetingNumber our meeting number, null for a slot a person created by hand
 */
public record LeadLink(String leadId, Integer meetingNumber) {

    public LeadLink {
        Objects.requireNonNull(leadId, "leadId");
    }
}
