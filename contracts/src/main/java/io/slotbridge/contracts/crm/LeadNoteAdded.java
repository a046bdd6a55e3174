package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/**
 * A note appeared on the lead. A call note with a positive duration means somebody talked to the client, which stops
 * follow-up runs.
 *
 * @param callDurationSeconds for call notes, the talk time; null otherwise
 * @param echoOfCommandId our command that wrote this note, or null when a person or robot wrote it
 */
@JsonTypeName("lead.note-added")
public record LeadNoteAdded(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        CrmKind crm,
        String noteId,
        NoteKind kind,
        String text,
        Integer callDurationSeconds,
        CrmUser createdBy,
        String echoOfCommandId,
        String causationId)
        implements LeadEvent {

    public LeadNoteAdded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(kind, "kind");
    }

    /** A call note where the client was actually reached. */
    @JsonIgnore
    public boolean isConversation() {
        return kind.isCall() && callDurationSeconds != null && callDurationSeconds > 0;
    }
}
