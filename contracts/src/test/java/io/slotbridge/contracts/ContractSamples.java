package io.slotbridge.contracts;

import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.MoveSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.CreateCallTask;
import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.contracts.crm.CrmAppUninstalled;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadContact;
import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadNoteAdded;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.NoteKind;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.contracts.followup.FollowUpCompleted;
import io.slotbridge.contracts.followup.FollowUpMessageStatusChanged;
import io.slotbridge.contracts.followup.FollowUpStarted;
import io.slotbridge.contracts.followup.FollowUpStepExecuted;
import io.slotbridge.contracts.followup.FollowUpStopped;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.contracts.ingress.RawWebhookReceived;
import io.slotbridge.contracts.meeting.ClientUnreachable;
import io.slotbridge.contracts.meeting.ExpertResponded;
import io.slotbridge.contracts.meeting.MeetingCancelled;
import io.slotbridge.contracts.meeting.MeetingConfirmed;
import io.slotbridge.contracts.meeting.MeetingHeld;
import io.slotbridge.contracts.meeting.MeetingRescheduled;
import io.slotbridge.contracts.meeting.MeetingScheduled;
import io.slotbridge.contracts.meeting.SlaBreached;
import io.slotbridge.contracts.meeting.SlotRestored;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.contracts.messaging.WhatsAppStatusUpdated;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.contracts.sync.DecisionRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic, valid record of every contract type (demo tenant, demo lead 1001). Other modules use these in
 * their tests through the contracts test-jar.
 */
public final class ContractSamples {

    public static final String TENANT = "demo";
    public static final String LEAD = "1001";
    public static final String CALENDAR = "kev-demo@group.calendar.google.com";
    public static final String SLOT = "sb0demo1001m1";
    public static final Instant T0 = Instant.parse("2026-11-23T09:15:00Z");
    public static final Instant MEETING = Instant.parse("2026-11-24T10:00:00Z");

    private ContractSamples() {}

    public static LeadChangeNoticed leadChangeNoticed() {
        return new LeadChangeNoticed(
                "hint-1",
                TENANT,
                LEAD,
                T0,
                CrmKind.AMOCRM,
                "lead",
                "status",
                "54423922",
                "6344290",
                "54435014",
                null,
                "raw-1",
                "4deb1687-f69f-4f06-930e-95c2947134ca");
    }

    public static LeadSnapshotted leadSnapshotted() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Дата и время встречи", "2026-11-24T13:00:00+03:00");
        fields.put("Сотрудник, который будет проводить встречу", "Паша");
        fields.put("Категория", "A");
        fields.put("Цель клиента", "Выйти на соревнования через полгода");
        return new LeadSnapshotted(
                "snap-1",
                TENANT,
                LEAD,
                T0,
                CrmKind.AMOCRM,
                1763889300L,
                "Семён, заявка с сайта",
                "Воронка",
                "5. Встреча назначена",
                StageSemantic.OPEN,
                null,
                new CrmUser("501", "Ольга (куратор)", "olga@demo.example"),
                new CrmUser("501", "Ольга (куратор)", "olga@demo.example"),
                Instant.parse("2026-11-22T08:00:00Z"),
                T0,
                fields,
                new LeadContact("2001", "Семён", "79031234567", null),
                "http://localhost:8070/amocrm/demo/leads/detail/1001",
                List.of(),
                "hint-1");
    }

    public static LeadDeleted leadDeleted() {
        return new LeadDeleted("del-1", TENANT, LEAD, T0, CrmKind.AMOCRM, "hint-2");
    }

    public static LeadNoteAdded leadNoteAdded() {
        return new LeadNoteAdded(
                "note-1",
                TENANT,
                LEAD,
                T0,
                CrmKind.AMOCRM,
                "9001",
                NoteKind.CALL_OUT,
                "Исходящий звонок",
                74,
                new CrmUser("502", "Иван (КЦ)", "ivan@demo.example"),
                null,
                "hint-3");
    }

    public static MoveLeadToStage moveLeadToStage() {
        return new MoveLeadToStage("cmd-move-1", TENANT, LEAD, T0, "sync", "snap-1", "6. Встреча проведена", null);
    }

    public static SetLeadFields setLeadFields() {
        return new SetLeadFields(
                "cmd-fields-1",
                TENANT,
                LEAD,
                T0,
                "sync",
                "slot-snap-1",
                Map.of("Дата и время встречи", "2026-11-24T14:00:00+03:00"));
    }

    public static AddNote addNote() {
        return new AddNote("cmd-note-1", TENANT, LEAD, T0, "sync", "slot-snap-1", "Клиент подтвердил встречу");
    }

    public static CreateCallTask createCallTask() {
        return new CreateCallTask(
                "cmd-task-1",
                TENANT,
                LEAD,
                T0,
                "followup",
                "run-1:step-1",
                "Позвонить клиенту: повторно назначить встречу",
                Instant.parse("2026-11-24T07:00:00Z"),
                null);
    }

    public static CloseLeadLost closeLeadLost() {
        return new CloseLeadLost("cmd-lost-1", TENANT, LEAD, T0, "followup", "run-1:step-6", "Нет контакта", null);
    }

    public static CrmCommandApplied crmCommandApplied() {
        return new CrmCommandApplied(
                "res-1", TENANT, LEAD, T0, "cmd-note-1", "crm.add-note", CommandOutcome.APPLIED, "77001");
    }

    public static CrmCommandRejected crmCommandRejected() {
        return new CrmCommandRejected(
                "res-2",
                TENANT,
                LEAD,
                T0,
                "cmd-move-1",
                "crm.move-lead-to-stage",
                RejectionCode.NOT_FOUND,
                "stage '6. Встреча проведена' does not exist in pipeline 'Воронка'",
                false,
                null);
    }

    public static CrmAppInstalled crmAppInstalled() {
        return new CrmAppInstalled(
                "inst-1",
                TENANT,
                T0,
                CrmKind.BITRIX24,
                "a223c6b3710f85df22e9377d6c4f7553",
                "demo.bitrix24.ru",
                CrmAppInstalled.digestOf("51856fefc120afa4b628cc82d3935cce"));
    }

    public static CrmAppUninstalled crmAppUninstalled() {
        return new CrmAppUninstalled(
                "uninst-1",
                TENANT,
                T0,
                CrmKind.BITRIX24,
                "a223c6b3710f85df22e9377d6c4f7553",
                CrmAppInstalled.digestOf("51856fefc120afa4b628cc82d3935cce"),
                false);
    }

    public static CalendarChangeNotified calendarChangeNotified() {
        return new CalendarChangeNotified(
                "notif-1",
                TENANT,
                T0,
                "ch-7f3a",
                "ys7KY-resource",
                "exists",
                12L,
                "Sat, 28 Nov 2026 19:22:46 GMT",
                "https://www.googleapis.com/calendar/v3/calendars/kev-demo@group.calendar.google.com/events",
                "raw-2");
    }

    public static SlotSnapshotted slotSnapshotted() {
        return new SlotSnapshotted(
                "slot-snap-1",
                TENANT,
                LEAD,
                T0,
                CALENDAR,
                SLOT,
                1,
                SlotStatus.CONFIRMED,
                "Встреча с Семёном (категория A), 13:00 мск, (Паша)",
                "Карточка: http://localhost:8070/amocrm/demo/leads/detail/1001\nЦель: Выйти на соревнования",
                MEETING,
                MEETING.plus(Duration.ofHours(1)),
                "Europe/Moscow",
                "5",
                List.of(new SlotAttendee("pasha@demo.example", "accepted")),
                15,
                T0,
                "\"3181161784712000\"",
                2,
                false,
                null,
                "https://calendar.google.com/event?eid=sb0demo1001m1",
                "notif-1");
    }

    public static CreateSlot createSlot() {
        return new CreateSlot(
                "cmd-create-1",
                TENANT,
                LEAD,
                T0,
                "sync",
                "snap-1",
                CALENDAR,
                SLOT,
                1,
                "Встреча с Семёном (категория A), 13:00 мск, (Паша)",
                "Карточка: http://localhost:8070/amocrm/demo/leads/detail/1001\nЦель: Выйти на соревнования",
                MEETING,
                MEETING.plus(Duration.ofHours(1)),
                "Europe/Moscow",
                "pasha@demo.example",
                15,
                null);
    }

    public static PaintSlot paintSlot() {
        return new PaintSlot(
                "cmd-paint-1",
                TENANT,
                LEAD,
                T0,
                "sync",
                "snap-2",
                CALENDAR,
                SLOT,
                "11",
                "Отменена: Встреча отменена",
                "\"3181161784712000\"");
    }

    public static MoveSlot moveSlot() {
        return new MoveSlot(
                "cmd-moveslot-1",
                TENANT,
                LEAD,
                T0,
                "sync",
                "snap-3",
                CALENDAR,
                SLOT,
                MEETING.plus(Duration.ofHours(1)),
                MEETING.plus(Duration.ofHours(2)),
                "Встреча с Семёном (категория A), 14:00 мск, (Паша)",
                null);
    }

    public static RestoreSlot restoreSlot() {
        return new RestoreSlot(
                "cmd-restore-1",
                TENANT,
                LEAD,
                T0,
                "sync",
                "slot-snap-2",
                CALENDAR,
                SLOT,
                "11",
                "Слот был удалён и восстановлен: встречи не удаляем");
    }

    public static UpdateSlotDetails updateSlotDetails() {
        return new UpdateSlotDetails(
                "cmd-details-1",
                TENANT,
                LEAD,
                T0,
                "sync",
                "snap-4",
                CALENDAR,
                SLOT,
                "Встреча с Семёном (категория A), 13:00 мск, (Маша)",
                "masha@demo.example",
                false,
                null,
                null);
    }

    public static CalendarCommandApplied calendarCommandApplied() {
        return new CalendarCommandApplied(
                "cres-1",
                TENANT,
                LEAD,
                T0,
                "cmd-create-1",
                "slot.create",
                SLOT,
                CommandOutcome.APPLIED,
                "\"3181161784712000\"",
                T0);
    }

    public static CalendarCommandRejected calendarCommandRejected() {
        return new CalendarCommandRejected(
                "cres-2",
                TENANT,
                LEAD,
                T0,
                "cmd-paint-1",
                "slot.paint",
                SLOT,
                RejectionCode.CONFLICT,
                "Precondition Failed: the slot changed since etag \"3181161784712000\"",
                true,
                412);
    }

    public static MeetingScheduled meetingScheduled() {
        return new MeetingScheduled(
                "m-1",
                TENANT,
                LEAD,
                T0,
                1,
                SLOT,
                "snap-1",
                MEETING,
                MEETING.plus(Duration.ofHours(1)),
                "Паша",
                "pasha@demo.example",
                "A",
                "curator");
    }

    public static MeetingRescheduled meetingRescheduled() {
        return new MeetingRescheduled(
                "m-2",
                TENANT,
                LEAD,
                T0,
                2,
                "sb0demo1001m2",
                "snap-5",
                SLOT,
                MEETING,
                MEETING.plus(Duration.ofDays(1)),
                "meeting time changed in the CRM");
    }

    public static MeetingConfirmed meetingConfirmed() {
        return new MeetingConfirmed("m-3", TENANT, LEAD, T0, 1, SLOT, "slot-snap-1");
    }

    public static MeetingHeld meetingHeld() {
        return new MeetingHeld("m-4", TENANT, LEAD, T0, 1, SLOT, "slot-snap-3");
    }

    public static MeetingCancelled meetingCancelled() {
        return new MeetingCancelled("m-5", TENANT, LEAD, T0, 1, SLOT, "snap-6", "Встреча отменена");
    }

    public static ClientUnreachable clientUnreachable() {
        return new ClientUnreachable("m-6", TENANT, LEAD, T0, 1, SLOT, "slot-snap-4", MEETING);
    }

    public static SlaBreached slaBreached() {
        return new SlaBreached(
                "m-7",
                TENANT,
                LEAD,
                T0,
                1,
                SLOT,
                "snap-1",
                Instant.parse("2026-11-19T08:00:00Z"),
                T0,
                MEETING,
                Duration.ofDays(2));
    }

    public static SlotRestored slotRestored() {
        return new SlotRestored("m-8", TENANT, LEAD, T0, 1, SLOT, "slot-snap-5", "11");
    }

    public static ExpertResponded expertResponded() {
        return new ExpertResponded("m-9", TENANT, LEAD, T0, 1, SLOT, "slot-snap-6", "pasha@demo.example", "accepted");
    }

    public static WhatsAppMessageReceived whatsAppMessageReceived() {
        return new WhatsAppMessageReceived(
                "wa-1",
                TENANT,
                T0,
                "wazzup",
                "dc788040-9983-471c-817a-7eb3a5be3cc9",
                "f2071598-110c-4529-a0c8-5bdfdc718957",
                "whatsapp",
                "79031234567",
                "Семён",
                "text",
                "Добрый день, да, могу завтра",
                null,
                false,
                "inbound",
                Instant.parse("2026-11-23T09:14:59.220Z"),
                "raw-3");
    }

    public static WhatsAppStatusUpdated whatsAppStatusUpdated() {
        return new WhatsAppStatusUpdated(
                "wa-2",
                TENANT,
                T0,
                "wazzup",
                "be3dc577-60c4-4fc8-83a5-8c358e0bfe15",
                "delivered",
                Instant.parse("2026-11-23T09:01:07.499Z"),
                null,
                null,
                "raw-4");
    }

    public static FollowUpStarted followUpStarted() {
        return new FollowUpStarted("f-1", TENANT, LEAD, T0, "run-1", "B", "client-unreachable", T0);
    }

    public static FollowUpStepExecuted followUpStepExecuted() {
        return new FollowUpStepExecuted(
                "f-2",
                TENANT,
                LEAD,
                T0,
                "run-1",
                "B",
                2,
                "audio",
                "send-template",
                "done",
                "template 'Аудио Михаила Николаевича' sent",
                "f66c53a6-957a-46b2-b41b-5a2ef4844bcb",
                Instant.parse("2026-11-24T07:00:00Z"));
    }

    public static FollowUpStopped followUpStopped() {
        return new FollowUpStopped("f-3", TENANT, LEAD, T0, "run-1", "B", "client replied on WhatsApp", 3);
    }

    public static FollowUpCompleted followUpCompleted() {
        return new FollowUpCompleted("f-4", TENANT, LEAD, T0, "run-1", "B", "closed-lost");
    }

    public static FollowUpMessageStatusChanged followUpMessageStatusChanged() {
        return new FollowUpMessageStatusChanged(
                "f-5", TENANT, LEAD, T0, "run-1", "B", "f66c53a6-957a-46b2-b41b-5a2ef4844bcb", "read", null);
    }

    public static RawWebhookReceived rawWebhookReceived() {
        return new RawWebhookReceived(
                "raw-1",
                TENANT,
                T0,
                IngressSource.AMOCRM,
                "POST",
                "/hooks/amocrm/demo/***",
                Map.of("User-Agent", "amoCRM-Webhooks/3.0", "X-Amocrm-Requestid", "4deb1687"),
                "application/x-www-form-urlencoded",
                "leads%5Bstatus%5D%5B0%5D%5Bid%5D=1001&account%5Bsubdomain%5D=demo",
                "utf-8",
                "4deb1687",
                null);
    }

    public static DecisionRecorded decisionRecorded() {
        return new DecisionRecorded(
                "d-1",
                TENANT,
                LEAD,
                T0,
                "lead.snapshot",
                "snap-1",
                List.of("crm.booked->create-slot", "crm.booked-late->sla-breach"),
                List.of("cmd-create-1", "cmd-note-2"),
                List.of("slot.create", "crm.add-note"),
                List.of("meeting.scheduled", "meeting.sla-breached"),
                "applied",
                "meeting #1 scheduled 2026-11-24T10:00Z, slot sb0demo1001m1 requested");
    }

    public static ConnectionStatusReported connectionStatusReported() {
        return new ConnectionStatusReported(
                "ops-1",
                TENANT,
                T0,
                "crm-connector",
                "crm-connector-1",
                "amocrm",
                "ok",
                T0.plus(Duration.ofHours(20)),
                null,
                7.0,
                120L,
                0L,
                0L,
                null,
                Map.of("circuit", "CLOSED"));
    }

    /** One sample of every record type, in catalogue order. */
    public static List<Envelope> all() {
        return List.of(
                leadChangeNoticed(),
                leadSnapshotted(),
                leadDeleted(),
                leadNoteAdded(),
                moveLeadToStage(),
                setLeadFields(),
                addNote(),
                createCallTask(),
                closeLeadLost(),
                crmCommandApplied(),
                crmCommandRejected(),
                crmAppInstalled(),
                crmAppUninstalled(),
                calendarChangeNotified(),
                slotSnapshotted(),
                createSlot(),
                paintSlot(),
                moveSlot(),
                restoreSlot(),
                updateSlotDetails(),
                calendarCommandApplied(),
                calendarCommandRejected(),
                meetingScheduled(),
                meetingRescheduled(),
                meetingConfirmed(),
                meetingHeld(),
                meetingCancelled(),
                clientUnreachable(),
                slaBreached(),
                slotRestored(),
                expertResponded(),
                whatsAppMessageReceived(),
                whatsAppStatusUpdated(),
                followUpStarted(),
                followUpStepExecuted(),
                followUpStopped(),
                followUpCompleted(),
                followUpMessageStatusChanged(),
                rawWebhookReceived(),
                decisionRecorded(),
                connectionStatusReported());
    }
}
