package io.slotbridge.crmconnector.domain;

import io.slotbridge.contracts.crm.NoteKind;
import java.time.Instant;

/** A note on a lead, reduced to what Slotbridge cares about. */
public record CrmNote(
        String id,
        String leadId,
        NoteKind kind,
        String text,
        Integer callDurationSeconds,
        String createdByUserId,
        Instant createdAt) {}
