package io.slotbridge.calendarconnector.slot.domain;

import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import java.time.Instant;

/** Builds the {@code slot.snapshot} record of one event. */
public final class SlotSnapshots {

    private SlotSnapshots() {}

    /**
     * @param ownWrite our last write to this event, or null
     * @param fingerprint {@link SlotFingerprint} of the entry; with the etag it makes the event id deterministic, so a
     *     snapshot re-published after a crash is recognised as the same one
     */
    public static SlotSnapshotted of(
            String tenant,
            String calendarId,
            CalendarEntry entry,
            LeadLink link,
            OwnWrite ownWrite,
            String fingerprint,
            Instant now,
            String causationId) {
        boolean own = ownWrite != null && ownWrite.isCurrentStateOf(entry);
        return new SlotSnapshotted(
                MessageIds.deterministic(
                        "slot-snapshot", tenant, calendarId, entry.id(), fingerprint, String.valueOf(entry.etag())),
                tenant,
                link.leadId(),
                now,
                calendarId,
                entry.id(),
                link.meetingNumber(),
                entry.status(),
                entry.summary(),
                entry.description(),
                entry.start(),
                entry.end(),
                entry.timeZone(),
                entry.colorId(),
                entry.attendees(),
                entry.reminderMinutes(),
                entry.updated() != null ? entry.updated() : now,
                entry.etag(),
                entry.sequence(),
                own,
                own ? ownWrite.commandId() : null,
                entry.htmlLink(),
                causationId);
    }
}
