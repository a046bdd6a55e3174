package io.slotbridge.followup.store;

import java.time.Instant;

/**
 * What the service knows about a lead from the events it consumed.
 *
 * @param version version of the latest snapshot, -1 before the first one
 * @param stage stage name of the latest snapshot, null before the first one
 * @param phone the main contact's phone, digits only (the WhatsApp chat id)
 */
public record LeadState(
        String tenant,
        String leadId,
        long version,
        String leadName,
        String stage,
        boolean closed,
        String phone,
        String contactName,
        Instant stageSince,
        Instant meetingBookedAt,
        Instant lastClientMessageAt,
        boolean deleted) {

    public boolean isGone() {
        return deleted || closed;
    }
}
