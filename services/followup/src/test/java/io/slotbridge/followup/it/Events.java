package io.slotbridge.followup.it;

import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.crm.LeadContact;
import io.slotbridge.contracts.crm.LeadNoteAdded;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.NoteKind;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.contracts.meeting.ClientUnreachable;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.contracts.messaging.WhatsAppStatusUpdated;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Contract records the other services would publish, built from ContractSamples with this test's lead and time. */
final class Events {

    static final String QUALIFIED = "Квалифицирован";
    static final String MEETING = "5. Встреча назначена";

    private Events() {}

    static String newLead() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
    }

    static String newPhone() {
        return "7900" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
    }

    static LeadSnapshotted snapshot(String tenant, String lead, String phone, String stage, long version, Instant at) {
        LeadSnapshotted s = ContractSamples.leadSnapshotted();
        return new LeadSnapshotted(
                MessageIds.random(),
                tenant,
                lead,
                at,
                s.crm(),
                version,
                "Семён, заявка с сайта",
                s.pipeline(),
                stage,
                StageSemantic.OPEN,
                null,
                s.responsible(),
                s.modifiedBy(),
                s.createdAt(),
                at,
                s.fields(),
                new LeadContact("2001", "Семён", phone, null),
                s.cardUrl(),
                java.util.List.of(),
                "hint-" + version);
    }

    static ClientUnreachable noShow(String tenant, String lead, String eventId, Instant at) {
        return new ClientUnreachable(
                eventId, tenant, lead, at, 1, "sb0" + lead + "m1", "slot-snap", at.minusSeconds(3600));
    }

    static WhatsAppMessageReceived message(String tenant, String phone, boolean echo, String status, Instant at) {
        WhatsAppMessageReceived m = ContractSamples.whatsAppMessageReceived();
        return new WhatsAppMessageReceived(
                MessageIds.random(),
                tenant,
                at,
                m.provider(),
                MessageIds.random(),
                WazzupStub.CHANNEL,
                m.chatType(),
                phone,
                m.contactName(),
                m.messageType(),
                echo ? "Напоминаю о встрече" : m.text(),
                null,
                echo,
                status,
                at,
                "raw-" + MessageIds.random());
    }

    static WhatsAppStatusUpdated status(String tenant, String messageId, String status, String error, Instant at) {
        return new WhatsAppStatusUpdated(
                MessageIds.random(),
                tenant,
                at,
                "wazzup",
                messageId,
                status,
                at,
                error,
                error == null ? null : "more than 24 hours have passed since the client's last message",
                "raw-" + MessageIds.random());
    }

    static LeadNoteAdded callWithConversation(String tenant, String lead, Instant at) {
        LeadNoteAdded n = ContractSamples.leadNoteAdded();
        return new LeadNoteAdded(
                MessageIds.random(),
                tenant,
                lead,
                at,
                n.crm(),
                MessageIds.random(),
                NoteKind.CALL_OUT,
                n.text(),
                95,
                n.createdBy(),
                null,
                "hint");
    }
}
