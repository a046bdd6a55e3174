package io.slotbridge.calendarconnector.sync;

import io.slotbridge.calendarconnector.slot.domain.LeadLink;
import io.slotbridge.calendarconnector.slot.domain.OwnWrite;

/** What we know about one slot: see {@code slot_state} in the migration. */
public record SlotState(
        String slotId,
        String leadId,
        Integer meetingNumber,
        String fingerprint,
        String etag,
        String ownCommandId,
        String ownEtag) {

    public LeadLink link() {
        return new LeadLink(leadId, meetingNumber);
    }

    /** Our last write, or null when we never wrote this event (or Google did not answer with an etag). */
    public OwnWrite ownWrite() {
        return ownCommandId == null || ownEtag == null ? null : new OwnWrite(ownCommandId, ownEtag);
    }
}
