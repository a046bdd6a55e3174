package io.slotbridge.sync;

import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inputs shaped like the connectors publish them, for the demo tenant (ContractSamples as the base). */
final class Inputs {

    private Inputs() {}

    /** The curator Ольга booked the lead: stage 5, 24 Nov 13:00 Moscow, expert Паша, category A. */
    static LeadSnapshotted booking(String leadId, String eventId) {
        return lead(ContractSamples.leadSnapshotted(), "demo", leadId, eventId, 1_763_889_300L, Map.of());
    }

    /** A manager changed the category: a newer version of the same lead. */
    static LeadSnapshotted categoryChanged(String leadId, String eventId, String category) {
        return lead(
                ContractSamples.leadSnapshotted(),
                "demo",
                leadId,
                eventId,
                1_763_889_400L,
                Map.of("Категория", category));
    }

    static LeadSnapshotted ofTenant(String tenant, String leadId, String eventId) {
        return lead(ContractSamples.leadSnapshotted(), tenant, leadId, eventId, 1_763_889_300L, Map.of());
    }

    /** What the calendar-connector publishes right after executing our create. */
    static SlotSnapshotted echoOf(CreateSlot create, String eventId, Instant updated) {
        return slot(create, eventId, null, updated, "\"1\"", true, create.commandId());
    }

    /** An expert painted the slot in Google Calendar. */
    static SlotSnapshotted paintedByPerson(CreateSlot create, String eventId, String colorId, Instant updated) {
        return slot(create, eventId, colorId, updated, "\"2\"", false, null);
    }

    private static SlotSnapshotted slot(
            CreateSlot create,
            String eventId,
            String colorId,
            Instant updated,
            String etag,
            boolean ownWrite,
            String writtenBy) {
        return new SlotSnapshotted(
                eventId,
                create.tenant(),
                create.leadId(),
                updated,
                create.calendarId(),
                create.slotId(),
                create.meetingNumber(),
                SlotStatus.CONFIRMED,
                create.title(),
                create.description(),
                create.start(),
                create.end(),
                create.timeZone(),
                colorId,
                create.guestEmail() == null ? List.of() : List.of(new SlotAttendee(create.guestEmail(), "needsAction")),
                create.reminderMinutes(),
                updated,
                etag,
                1,
                ownWrite,
                writtenBy,
                "https://calendar.google.com/event?eid=" + create.slotId(),
                "push-" + eventId);
    }

    private static LeadSnapshotted lead(
            LeadSnapshotted s,
            String tenant,
            String leadId,
            String eventId,
            long version,
            Map<String, String> changedFields) {
        Map<String, String> fields = new LinkedHashMap<>(s.fields());
        fields.putAll(changedFields);
        return new LeadSnapshotted(
                eventId,
                tenant,
                leadId,
                s.occurredAt(),
                s.crm(),
                version,
                s.name(),
                s.pipeline(),
                s.stage(),
                s.stageSemantic(),
                s.lossReason(),
                s.responsible(),
                s.modifiedBy(),
                s.createdAt(),
                s.updatedAt(),
                fields,
                s.contact(),
                "http://localhost:8070/amocrm/demo/leads/detail/" + leadId,
                List.of(),
                s.causationId());
    }
}
