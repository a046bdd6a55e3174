package io.slotbridge.console.projection.domain;

import io.slotbridge.console.common.domain.SlotColor;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.MoveSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
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
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadNoteAdded;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.contracts.followup.FollowUpCompleted;
import io.slotbridge.contracts.followup.FollowUpMessageStatusChanged;
import io.slotbridge.contracts.followup.FollowUpStarted;
import io.slotbridge.contracts.followup.FollowUpStepExecuted;
import io.slotbridge.contracts.followup.FollowUpStopped;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Turns contract records into timeline lines a person can follow: what happened, why, and what came of it. */
public final class RecordDescriptions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
    private static final int TEXT_LIMIT = 300;

    private final ZoneId zone;

    public RecordDescriptions(ZoneId zone) {
        this.zone = zone;
    }

    public Description describe(Envelope record) {
        if (record instanceof LeadChangeNoticed r) {
            return hint(r);
        } else if (record instanceof LeadSnapshotted r) {
            return snapshot(r);
        } else if (record instanceof LeadDeleted r) {
            return Description.of("Lead deleted in the CRM", null, Description.WARNING)
                    .causedBy(r.causationId());
        } else if (record instanceof LeadNoteAdded r) {
            return note(r);
        } else if (record instanceof DecisionRecorded r) {
            return decision(r);
        } else if (record instanceof SlotSnapshotted r) {
            return slot(r);
        } else if (record instanceof CrmCommandApplied r) {
            return applied(
                            "CRM",
                            r.commandType(),
                            r.outcome(),
                            r.createdEntityId() == null ? null : "created " + r.createdEntityId())
                    .command(r.commandId());
        } else if (record instanceof CrmCommandRejected r) {
            return rejected("CRM", r.commandType(), r.code().name(), r.reason(), r.retryable(), r.httpStatus())
                    .command(r.commandId());
        } else if (record instanceof CalendarCommandApplied r) {
            return applied("Calendar", r.commandType(), r.outcome(), "slot " + r.slotId())
                    .command(r.commandId());
        } else if (record instanceof CalendarCommandRejected r) {
            return rejected("Calendar", r.commandType(), r.code().name(), r.reason(), r.retryable(), r.httpStatus())
                    .command(r.commandId());
        } else if (record instanceof RawWebhookReceived r) {
            return webhook(r);
        } else if (record instanceof CalendarChangeNotified r) {
            return Description.of(
                            "Google push: " + r.resourceState()
                                    + (r.messageNumber() == null ? "" : " #" + r.messageNumber()),
                            "channel " + r.channelId(),
                            Description.INFO)
                    .rawEvent(r.rawEventId());
        } else if (record instanceof WhatsAppMessageReceived r) {
            return whatsApp(r);
        } else if (record instanceof ConnectionStatusReported r) {
            return Description.of(
                    r.connection() + ": " + r.status() + " (reported by " + r.service() + ")",
                    r.detail(),
                    "ok".equals(r.status()) ? Description.OK : Description.WARNING);
        } else if (record instanceof CrmAppInstalled r) {
            // the digest of the application token stays out of the console: it is for the gateway only
            return Description.of(
                    r.crm() + " application installed on " + r.domain(), "member " + r.memberId(), Description.OK);
        } else if (record instanceof CrmAppUninstalled r) {
            return Description.of(
                    r.crm() + " application uninstalled" + (r.clean() ? ", its data to be cleared" : ""),
                    "member " + r.memberId() + "; reconnect by installing it again",
                    Description.WARNING);
        } else if (record instanceof WhatsAppStatusUpdated r) {
            boolean error = "error".equalsIgnoreCase(r.status());
            return Description.of(
                            "WhatsApp message " + r.status(),
                            error ? join(r.errorCode(), r.errorDescription()) : null,
                            error ? Description.FAILED : Description.INFO)
                    .rawEvent(r.rawEventId())
                    .message(r.messageId());
        }
        Description command = command(record);
        if (command != null) {
            return command;
        }
        Description meeting = meeting(record);
        if (meeting != null) {
            return meeting;
        }
        Description followUp = followUp(record);
        if (followUp != null) {
            return followUp;
        }
        return Description.of(record.getClass().getSimpleName(), null, Description.INFO);
    }

    private Description hint(LeadChangeNoticed r) {
        StringJoiner detail = new StringJoiner("; ");
        if (r.statusId() != null) {
            detail.add("status " + r.statusId() + (r.oldStatusId() == null ? "" : " (was " + r.oldStatusId() + ")"));
        }
        if (r.pipelineId() != null) {
            detail.add("pipeline " + r.pipelineId());
        }
        if (r.entityId() != null) {
            detail.add(r.entity() + " " + r.entityId());
        }
        if (r.providerRequestId() != null) {
            detail.add("request " + r.providerRequestId());
        }
        return Description.of(
                        crmName(r.crm().name()) + " said: " + r.entity() + " " + r.action(),
                        emptyToNull(detail.toString()),
                        Description.INFO)
                .rawEvent(r.rawEventId());
    }

    private Description snapshot(LeadSnapshotted r) {
        String semantic = r.stageSemantic() == null || r.stageSemantic() == StageSemantic.OPEN
                ? ""
                : " (" + r.stageSemantic().name().toLowerCase(Locale.ROOT) + ")";
        StringJoiner detail = new StringJoiner("; ");
        detail.add(r.name() == null ? "lead " + r.leadId() : r.name());
        if (r.responsible() != null) {
            detail.add("responsible " + r.responsible().name());
        }
        if (r.lossReason() != null) {
            detail.add("loss reason " + r.lossReason());
        }
        r.fields().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(f -> detail.add(f.getKey() + ": " + shorten(f.getValue())));
        if (r.isEcho()) {
            detail.add("shows our own commands " + String.join(", ", r.echoOfCommandIds()));
        }
        return Description.of("Lead snapshot: " + r.stage() + semantic, detail.toString(), Description.INFO)
                .causedBy(r.causationId());
    }

    private Description note(LeadNoteAdded r) {
        String kind = r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String talk = r.callDurationSeconds() == null ? "" : ", " + r.callDurationSeconds() + " s";
        String by = r.createdBy() == null ? null : "by " + r.createdBy().name();
        String echo = r.echoOfCommandId() == null ? null : "written by our command " + r.echoOfCommandId();
        return Description.of(
                        "Note added (" + kind + talk + ")",
                        join(shorten(r.text()), by, echo),
                        r.isConversation() ? Description.OK : Description.INFO)
                .causedBy(r.causationId())
                .command(r.echoOfCommandId());
    }

    private Description decision(DecisionRecorded r) {
        String title = r.rules().isEmpty() ? "Decision: " + r.outcome() : "Decision: " + String.join(", ", r.rules());
        List<String> parts = new ArrayList<>();
        parts.add("input " + r.inputType() + " " + r.inputId());
        if (!r.commandTypes().isEmpty()) {
            parts.add("commands " + String.join(", ", r.commandTypes()));
        }
        if (!r.eventTypes().isEmpty()) {
            parts.add("events " + String.join(", ", r.eventTypes()));
        }
        parts.add("outcome " + r.outcome());
        if (r.stateAfter() != null) {
            parts.add(r.stateAfter());
        }
        return Description.of(
                        title,
                        String.join("; ", parts),
                        "applied".equals(r.outcome()) ? Description.OK : Description.INFO)
                .causedBy(r.inputId());
    }

    private Description slot(SlotSnapshotted r) {
        SlotColor color = SlotColor.of(r.colorId());
        boolean deleted = r.status() == SlotStatus.CANCELLED;
        String title = "Calendar slot " + color.label() + (deleted ? " (deleted in the calendar)" : "")
                + (r.start() == null ? "" : ", " + when(r.start()));
        StringJoiner detail = new StringJoiner("; ");
        if (r.summary() != null) {
            detail.add(r.summary());
        }
        r.attendees()
                .forEach(a -> detail.add(a.email() + " " + (a.responseStatus() == null ? "" : a.responseStatus())));
        if (r.ownWrite()) {
            detail.add("our own write");
        }
        return Description.of(title, detail.toString(), deleted ? Description.WARNING : Description.INFO)
                .causedBy(r.causationId())
                .command(r.writtenByCommandId());
    }

    private Description command(Envelope record) {
        String title;
        String detail = null;
        String commandId;
        String causation;
        String issuedBy;
        if (record instanceof MoveLeadToStage c) {
            title = "CRM command: move to stage «" + c.stage() + "»";
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof SetLeadFields c) {
            title = "CRM command: set fields";
            detail = c.fields().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(f -> f.getKey() + " = " + shorten(f.getValue()))
                    .collect(Collectors.joining("; "));
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof AddNote c) {
            title = "CRM command: add note";
            detail = shorten(c.text());
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof CreateCallTask c) {
            title = "CRM command: call task" + (c.dueAt() == null ? "" : " due " + when(c.dueAt()));
            detail = join(shorten(c.text()), c.responsible() == null ? null : "for " + c.responsible());
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof CloseLeadLost c) {
            title = "CRM command: close as lost («" + c.lossReason() + "»)";
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof CreateSlot c) {
            title = "Calendar command: create slot " + when(c.start()) + " in "
                    + SlotColor.of(c.colorId()).label();
            detail = join(c.title(), c.guestEmail() == null ? "no guest" : "guest " + c.guestEmail());
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof PaintSlot c) {
            title = "Calendar command: paint slot " + SlotColor.of(c.colorId()).label();
            detail = c.reasonLine();
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof MoveSlot c) {
            title = "Calendar command: move slot to " + when(c.start());
            detail = c.title();
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof RestoreSlot c) {
            title = "Calendar command: restore deleted slot in "
                    + SlotColor.of(c.colorId()).label();
            detail = c.reasonLine();
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else if (record instanceof UpdateSlotDetails c) {
            title = "Calendar command: update slot details";
            detail = join(
                    c.title(),
                    c.removeGuest() ? "remove guest" : c.guestEmail() == null ? null : "guest " + c.guestEmail());
            commandId = c.commandId();
            causation = c.causationId();
            issuedBy = c.issuedBy();
        } else {
            return null;
        }
        return Description.of(title, join(detail, "issued by " + issuedBy), Description.INFO)
                .causedBy(causation)
                .command(commandId);
    }

    private Description meeting(Envelope record) {
        if (record instanceof MeetingScheduled m) {
            return Description.of(
                            "Meeting #" + m.meetingNumber() + " scheduled for " + when(m.start())
                                    + (m.expert() == null ? "" : " with " + m.expert()),
                            join(
                                    m.category() == null ? null : "category " + m.category(),
                                    m.bookedBy() == null ? null : "booked by " + m.bookedBy(),
                                    "slot " + m.slotId()),
                            Description.OK)
                    .causedBy(m.causationId());
        } else if (record instanceof MeetingRescheduled m) {
            return Description.of(
                            "Meeting rescheduled to " + when(m.start()) + " (#" + m.meetingNumber() + ")",
                            join(
                                    m.previousStart() == null ? null : "was " + when(m.previousStart()),
                                    m.reason(),
                                    "old slot " + m.previousSlotId() + ", new slot " + m.slotId()),
                            Description.INFO)
                    .causedBy(m.causationId());
        } else if (record instanceof MeetingConfirmed m) {
            return Description.of("Client confirmed meeting #" + m.meetingNumber(), null, Description.OK)
                    .causedBy(m.causationId());
        } else if (record instanceof MeetingHeld m) {
            return Description.of("Meeting #" + m.meetingNumber() + " held", null, Description.OK)
                    .causedBy(m.causationId());
        } else if (record instanceof MeetingCancelled m) {
            return Description.of("Meeting #" + m.meetingNumber() + " cancelled", m.reason(), Description.WARNING)
                    .causedBy(m.causationId());
        } else if (record instanceof ClientUnreachable m) {
            return Description.of("Client unreachable / no-show", null, Description.WARNING)
                    .causedBy(m.causationId());
        } else if (record instanceof SlaBreached m) {
            return Description.of(
                            "SLA breach: meeting booked later than " + humanDuration(m.limit())
                                    + " after first contact",
                            join(
                                    "first contact " + when(m.firstContactAt()),
                                    "booked " + when(m.bookedAt()),
                                    m.meetingStart() == null ? null : "meeting " + when(m.meetingStart())),
                            Description.WARNING)
                    .causedBy(m.causationId());
        } else if (record instanceof SlotRestored m) {
            return Description.of(
                            "Deleted slot restored in "
                                    + SlotColor.of(m.colorId()).label(),
                            "slots are never deleted",
                            Description.WARNING)
                    .causedBy(m.causationId());
        } else if (record instanceof ExpertResponded m) {
            return Description.of(
                            "Expert " + m.expertEmail() + " " + m.response(),
                            null,
                            "declined".equalsIgnoreCase(m.response()) ? Description.WARNING : Description.INFO)
                    .causedBy(m.causationId());
        }
        return null;
    }

    private Description followUp(Envelope record) {
        if (record instanceof FollowUpStarted f) {
            return Description.of(
                    "Follow-up " + f.scenario() + " started (" + f.trigger() + ")",
                    join(
                            "run " + f.runId(),
                            f.firstStepDueAt() == null ? null : "first step " + when(f.firstStepDueAt())),
                    Description.INFO);
        } else if (record instanceof FollowUpStepExecuted f) {
            return Description.of(
                            "Follow-up step " + f.stepIndex() + " «" + f.stepName() + "»: " + f.action() + " "
                                    + f.outcome(),
                            join(f.detail(), f.nextDueAt() == null ? null : "next step " + when(f.nextDueAt())),
                            "failed".equals(f.outcome()) ? Description.FAILED : Description.INFO)
                    .message(f.messageId());
        } else if (record instanceof FollowUpStopped f) {
            return Description.of("Follow-up " + f.scenario() + " stopped", f.reason(), Description.INFO);
        } else if (record instanceof FollowUpCompleted f) {
            return Description.of("Follow-up " + f.scenario() + " completed", f.outcome(), Description.INFO);
        } else if (record instanceof FollowUpMessageStatusChanged f) {
            boolean error = "error".equalsIgnoreCase(f.status());
            return Description.of(
                            "WhatsApp message " + f.status(),
                            f.errorCode(),
                            error ? Description.FAILED : Description.INFO)
                    .message(f.messageId());
        }
        return null;
    }

    private Description webhook(RawWebhookReceived r) {
        String source = sourceName(r.source().name());
        return Description.of(
                        "Webhook received from " + source,
                        join(
                                r.method() + " " + r.path(),
                                r.providerRequestId() == null ? null : "request " + r.providerRequestId(),
                                r.problem() == null ? null : "unreadable: " + r.problem()),
                        r.problem() == null ? Description.INFO : Description.FAILED)
                .rawEvent(r.eventId());
    }

    private Description whatsApp(WhatsAppMessageReceived r) {
        String title = r.isFromClient()
                ? "WhatsApp from the client"
                : r.echo() ? "WhatsApp sent from the operator's phone" : "WhatsApp message (" + r.status() + ")";
        String text = r.text() != null ? shorten(r.text()) : r.messageType();
        return Description.of(title, text, r.isFromClient() ? Description.OK : Description.INFO)
                .rawEvent(r.rawEventId())
                .message(r.messageId());
    }

    private static Description applied(String api, String commandType, CommandOutcome outcome, String extra) {
        String how = outcome == CommandOutcome.ALREADY_APPLIED ? " (already applied)" : "";
        return Description.of(api + " applied " + commandType + how, extra, Description.OK);
    }

    private static Description rejected(
            String api, String commandType, String code, String reason, boolean retryable, Integer httpStatus) {
        return Description.of(
                api + " rejected " + commandType + ": " + code,
                join(reason, httpStatus == null ? null : "HTTP " + httpStatus, retryable ? "retryable" : null),
                Description.FAILED);
    }

    public static String sourceName(String source) {
        return switch (source.toUpperCase(Locale.ROOT)) {
            case "AMOCRM" -> "amoCRM";
            case "BITRIX24" -> "Bitrix24";
            case "GOOGLE" -> "Google Calendar";
            case "WAZZUP" -> "Wazzup";
            default -> source;
        };
    }

    private static String crmName(String kind) {
        return sourceName(kind);
    }

    private String when(Instant instant) {
        if (instant == null) {
            return "?";
        }
        return WHEN.format(instant.atZone(zone));
    }

    private static String humanDuration(java.time.Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toDays() > 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toHours() + " h";
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= TEXT_LIMIT ? oneLine : oneLine.substring(0, TEXT_LIMIT) + "…";
    }

    private static String join(String... parts) {
        StringJoiner joined = new StringJoiner("; ");
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.add(part);
            }
        }
        return emptyToNull(joined.toString());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
