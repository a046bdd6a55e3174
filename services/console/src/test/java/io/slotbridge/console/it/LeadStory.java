package io.slotbridge.console.it;

import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotIds;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadContact;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.contracts.followup.FollowUpStarted;
import io.slotbridge.contracts.followup.FollowUpStepExecuted;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.contracts.ingress.RawWebhookReceived;
import io.slotbridge.contracts.meeting.MeetingScheduled;
import io.slotbridge.contracts.meeting.SlaBreached;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.contracts.messaging.WhatsAppStatusUpdated;
import io.slotbridge.contracts.sync.DecisionRecorded;
import io.slotbridge.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One lead's story across every topic, as the services would publish it: an amoCRM webhook, the hint, the
 * snapshot, sync's decision and its commands, the calendar's answer and slot snapshot (Banana), the meeting and
 * its SLA breach, a rejected CRM note, a follow-up run with a WhatsApp delivery status, and the client's reply.
 * Records are published out of time order and across topics, as they would arrive in reality.
 */
public final class LeadStory {

    public static final String TENANT = "demo";

    public final String leadId;
    public final String name;
    public final String phone;
    public final Instant t0;
    public final Instant meetingStart;
    public final String slotId;
    public final String rawId;
    public final String hintId;
    public final String snapshotId;
    public final String createCommandId;
    public final String noteCommandId;
    public final String runId;
    public final String waMessageId;

    private LeadStory(String leadId) {
        this.leadId = leadId;
        this.name = "Семён " + leadId;
        this.phone = "7903" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        this.t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        this.meetingStart = t0.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        this.slotId = SlotIds.of(TENANT, leadId, 1);
        this.rawId = "raw-" + leadId;
        this.hintId = "hint-" + leadId;
        this.snapshotId = "snap-" + leadId;
        this.createCommandId = "cmd-create-" + leadId;
        this.noteCommandId = "cmd-note-" + leadId;
        this.runId = "run-" + leadId;
        this.waMessageId = "wa-msg-" + leadId;
    }

    public static LeadStory newLead() {
        return new LeadStory(String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L)));
    }

    /** The titles the timeline should show, oldest first. */
    public List<String> expectedTitles() {
        return List.of(
                "Webhook received from amoCRM",
                "amoCRM said: lead status",
                "Lead snapshot: 5. Встреча назначена",
                "Decision: crm.booked->create-slot, crm.booked-late->sla-breach",
                "CRM command: add note",
                "Meeting #1 scheduled for",
                "SLA breach: meeting booked later than 2 days after first contact",
                "Calendar command: create slot",
                "Calendar applied slot.create",
                "Calendar slot Banana",
                "CRM rejected crm.add-note: NOT_FOUND",
                "Follow-up B started (client-unreachable)",
                "Follow-up step 1 «first-message»: send-template done",
                "WhatsApp message delivered",
                "WhatsApp from the client");
    }

    public void publish(KafkaProbe kafka) {
        // later facts first: the console must order by time, not by arrival
        kafka.publish(Topics.CALENDAR_SLOT_EVENTS, slotSnapshot());
        kafka.publish(Topics.MESSAGING_INBOUND, clientReply(), deliveryStatus());
        kafka.publish(Topics.INGRESS_RAW, webhook());
        kafka.publish(Topics.CRM_LEAD_HINTS, hint());
        kafka.publish(Topics.CRM_LEAD_EVENTS, snapshot());
        kafka.publish(Topics.SYNC_DECISIONS, decision());
        kafka.publish(Topics.CRM_COMMANDS, note());
        kafka.publish(Topics.MEETING_EVENTS, scheduled(), slaBreach());
        kafka.publish(Topics.CALENDAR_COMMANDS, createSlot());
        kafka.publish(Topics.CALENDAR_COMMAND_RESULTS, created());
        kafka.publish(Topics.CRM_COMMAND_RESULTS, noteRejected());
        kafka.publish(Topics.FOLLOWUP_EVENTS, runStarted(), firstStep());
    }

    RawWebhookReceived webhook() {
        return new RawWebhookReceived(
                rawId,
                TENANT,
                at(0),
                IngressSource.AMOCRM,
                "POST",
                "/hooks/amocrm/demo/***",
                Map.of("User-Agent", "amoCRM-Webhooks/3.0", "X-Amocrm-Requestid", "req-" + leadId),
                "application/x-www-form-urlencoded",
                ProviderFixtures.body("amocrm/status-change-2.txt"),
                "utf-8",
                "req-" + leadId,
                null);
    }

    LeadChangeNoticed hint() {
        return new LeadChangeNoticed(
                hintId,
                TENANT,
                leadId,
                at(1),
                CrmKind.AMOCRM,
                "lead",
                "status",
                "54423922",
                "6344290",
                "54435014",
                null,
                rawId,
                "req-" + leadId);
    }

    LeadSnapshotted snapshot() {
        return new LeadSnapshotted(
                snapshotId,
                TENANT,
                leadId,
                at(2),
                CrmKind.AMOCRM,
                at(2).getEpochSecond(),
                name,
                "Воронка",
                "5. Встреча назначена",
                StageSemantic.OPEN,
                null,
                new CrmUser("501", "Ольга", "olga@demo.example"),
                new CrmUser("501", "Ольга", "olga@demo.example"),
                at(-5 * 86_400),
                at(2),
                Map.of("Сотрудник, который будет проводить встречу", "Паша", "Категория", "A"),
                new LeadContact("2001", "Семён", "+7 (" + phone.substring(1, 4) + ") " + phone.substring(4), null),
                "http://localhost:8070/amocrm/demo/leads/detail/" + leadId,
                List.of(),
                hintId);
    }

    DecisionRecorded decision() {
        return new DecisionRecorded(
                "decision-" + leadId,
                TENANT,
                leadId,
                at(3),
                "lead.snapshot",
                snapshotId,
                List.of("crm.booked->create-slot", "crm.booked-late->sla-breach"),
                List.of(createCommandId, noteCommandId),
                List.of("slot.create", "crm.add-note"),
                List.of("meeting.scheduled", "meeting.sla-breached"),
                "applied",
                "meeting #1 scheduled");
    }

    AddNote note() {
        return new AddNote(noteCommandId, TENANT, leadId, at(4), "sync", snapshotId, "Встреча назначена позже SLA");
    }

    MeetingScheduled scheduled() {
        return new MeetingScheduled(
                "meeting-" + leadId,
                TENANT,
                leadId,
                at(5),
                1,
                slotId,
                snapshotId,
                meetingStart,
                meetingStart.plus(Duration.ofHours(1)),
                "Паша",
                "pasha@demo.example",
                "A",
                "curator");
    }

    SlaBreached slaBreach() {
        return new SlaBreached(
                "sla-" + leadId,
                TENANT,
                leadId,
                at(6),
                1,
                slotId,
                snapshotId,
                at(-5 * 86_400),
                at(2),
                meetingStart,
                Duration.ofDays(2));
    }

    CreateSlot createSlot() {
        return new CreateSlot(
                createCommandId,
                TENANT,
                leadId,
                at(7),
                "sync",
                snapshotId,
                "kev-demo@group.calendar.google.com",
                slotId,
                1,
                "Встреча с Семёном (категория A), 13:00 мск, (Паша)",
                "Карточка",
                meetingStart,
                meetingStart.plus(Duration.ofHours(1)),
                "Europe/Moscow",
                "pasha@demo.example",
                15,
                null);
    }

    CalendarCommandApplied created() {
        return new CalendarCommandApplied(
                "created-" + leadId,
                TENANT,
                leadId,
                at(8),
                createCommandId,
                "slot.create",
                slotId,
                CommandOutcome.APPLIED,
                "\"1\"",
                at(8));
    }

    SlotSnapshotted slotSnapshot() {
        return new SlotSnapshotted(
                "slot-snap-" + leadId,
                TENANT,
                leadId,
                at(9),
                "kev-demo@group.calendar.google.com",
                slotId,
                1,
                SlotStatus.CONFIRMED,
                "Встреча с Семёном (категория A), 13:00 мск, (Паша)",
                "Карточка",
                meetingStart,
                meetingStart.plus(Duration.ofHours(1)),
                "Europe/Moscow",
                "5",
                List.of(new SlotAttendee("pasha@demo.example", "accepted")),
                15,
                at(9),
                "\"2\"",
                2,
                false,
                null,
                "https://calendar.google.com/event?eid=" + slotId,
                "notif-" + leadId);
    }

    CrmCommandRejected noteRejected() {
        return new CrmCommandRejected(
                "note-rejected-" + leadId,
                TENANT,
                leadId,
                at(10),
                noteCommandId,
                "crm.add-note",
                RejectionCode.NOT_FOUND,
                "lead " + leadId + " does not exist",
                false,
                404);
    }

    FollowUpStarted runStarted() {
        return new FollowUpStarted(
                "run-started-" + leadId, TENANT, leadId, at(11), runId, "B", "client-unreachable", at(12));
    }

    FollowUpStepExecuted firstStep() {
        return new FollowUpStepExecuted(
                "run-step-" + leadId,
                TENANT,
                leadId,
                at(12),
                runId,
                "B",
                1,
                "first-message",
                "send-template",
                "done",
                "template 'Первое сообщение' sent",
                waMessageId,
                at(3_600));
    }

    WhatsAppStatusUpdated deliveryStatus() {
        return new WhatsAppStatusUpdated(
                "wa-status-" + leadId, TENANT, at(13), "wazzup", waMessageId, "delivered", at(13), null, null, null);
    }

    WhatsAppMessageReceived clientReply() {
        return new WhatsAppMessageReceived(
                "wa-reply-" + leadId,
                TENANT,
                at(14),
                "wazzup",
                "wa-in-" + leadId,
                "channel-1",
                "whatsapp",
                phone,
                "Семён",
                "text",
                "Да, буду",
                null,
                false,
                "inbound",
                at(14),
                null);
    }

    private Instant at(long seconds) {
        return t0.plusSeconds(seconds);
    }
}
