package io.slotbridge.contracts;

import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.CalendarNotification;
import io.slotbridge.contracts.calendar.SlotEvent;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.CrmInstallation;
import io.slotbridge.contracts.crm.LeadEvent;
import io.slotbridge.contracts.crm.LeadHint;
import io.slotbridge.contracts.followup.FollowUpEvent;
import io.slotbridge.contracts.ingress.RawIngress;
import io.slotbridge.contracts.meeting.MeetingEvent;
import io.slotbridge.contracts.messaging.MessagingInbound;
import io.slotbridge.contracts.ops.OpsReport;
import io.slotbridge.contracts.sync.SyncDecision;
import java.util.List;
import java.util.Optional;

/** The topic catalogue. Listeners, producers, topic creation and the console all read names from here. */
public final class Topics {

    public static final String GATEWAY = "gateway";
    public static final String CRM_CONNECTOR = "crm-connector";
    public static final String CALENDAR_CONNECTOR = "calendar-connector";
    public static final String SYNC = "sync";
    public static final String FOLLOWUP = "followup";
    public static final String CONSOLE = "console";

    public static final TopicSpec<LeadHint> CRM_LEAD_HINTS = new TopicSpec<>(
            "crm.lead-hints.v1",
            LeadHint.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(GATEWAY),
            "CRM webhooks parsed into per-lead change notices (not truth: the connector re-reads)");

    public static final TopicSpec<LeadEvent> CRM_LEAD_EVENTS = new TopicSpec<>(
            "crm.lead-events.v1",
            LeadEvent.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(CRM_CONNECTOR),
            "Normalised lead snapshots (names, not ids), deletions and notes, published only when changed");

    public static final TopicSpec<CrmCommand> CRM_COMMANDS = new TopicSpec<>(
            "crm.commands.v1",
            CrmCommand.class,
            TopicSpec.Kind.COMMAND,
            TopicSpec.KeyRule.TENANT,
            6,
            List.of(SYNC, FOLLOWUP, CONSOLE),
            "Writes to the CRM by name; keyed by tenant so one consumer owns an account's rate limit");

    public static final TopicSpec<CrmCommandResult> CRM_COMMAND_RESULTS = new TopicSpec<>(
            "crm.command-results.v1",
            CrmCommandResult.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(CRM_CONNECTOR),
            "Outcome of each CRM command");

    public static final TopicSpec<CrmInstallation> CRM_INSTALLATIONS = new TopicSpec<>(
            "crm.installations.v1",
            CrmInstallation.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.TENANT,
            1,
            List.of(CRM_CONNECTOR),
            "Verified CRM application installs and uninstalls (member id, application-token digest), latest per tenant",
            true);

    public static final TopicSpec<CalendarNotification> CALENDAR_NOTIFICATIONS = new TopicSpec<>(
            "calendar.notifications.v1",
            CalendarNotification.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.TENANT_SCOPED,
            6,
            List.of(GATEWAY),
            "Google Calendar push notifications ('something changed'), keyed {tenant}:{channelId}");

    public static final TopicSpec<SlotEvent> CALENDAR_SLOT_EVENTS = new TopicSpec<>(
            "calendar.slot-events.v1",
            SlotEvent.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(CALENDAR_CONNECTOR),
            "Calendar slot snapshots, keyed by the lead the slot belongs to");

    public static final TopicSpec<CalendarCommand> CALENDAR_COMMANDS = new TopicSpec<>(
            "calendar.commands.v1",
            CalendarCommand.class,
            TopicSpec.Kind.COMMAND,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(SYNC, CONSOLE),
            "Slot writes: create, paint, move, restore, update details");

    public static final TopicSpec<CalendarCommandResult> CALENDAR_COMMAND_RESULTS = new TopicSpec<>(
            "calendar.command-results.v1",
            CalendarCommandResult.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(CALENDAR_CONNECTOR),
            "Outcome of each calendar command");

    public static final TopicSpec<MeetingEvent> MEETING_EVENTS = new TopicSpec<>(
            "meeting.events.v1",
            MeetingEvent.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(SYNC),
            "Meeting lifecycle as decided by sync: scheduled, rescheduled, confirmed, held, cancelled, unreachable");

    public static final TopicSpec<MessagingInbound> MESSAGING_INBOUND = new TopicSpec<>(
            "messaging.inbound.v1",
            MessagingInbound.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.TENANT_SCOPED,
            6,
            List.of(GATEWAY),
            "WhatsApp (Wazzup) messages keyed {tenant}:{chatId} and delivery statuses keyed {tenant}:{messageId}");

    public static final TopicSpec<FollowUpEvent> FOLLOWUP_EVENTS = new TopicSpec<>(
            "followup.events.v1",
            FollowUpEvent.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(FOLLOWUP),
            "Follow-up runs: started, each step, stopped, finished, WhatsApp delivery");

    public static final TopicSpec<RawIngress> INGRESS_RAW = new TopicSpec<>(
            "ingress.raw.v1",
            RawIngress.class,
            TopicSpec.Kind.ARCHIVE,
            TopicSpec.KeyRule.TENANT_SCOPED,
            3,
            List.of(GATEWAY),
            "Every accepted webhook, raw (secrets removed); unparseable ones go to ingress.raw.v1-dlt");

    public static final TopicSpec<SyncDecision> SYNC_DECISIONS = new TopicSpec<>(
            "sync.decisions.v1",
            SyncDecision.class,
            TopicSpec.Kind.EVENT,
            TopicSpec.KeyRule.LEAD,
            6,
            List.of(SYNC),
            "Every decision of the decider: input, rules fired, commands and events out (for lead timelines)");

    public static final TopicSpec<OpsReport> OPS_REPORTS = new TopicSpec<>(
            "ops.status-reports.v1",
            OpsReport.class,
            TopicSpec.Kind.ARCHIVE,
            TopicSpec.KeyRule.TENANT_SCOPED,
            1,
            List.of(CRM_CONNECTOR, CALENDAR_CONNECTOR, FOLLOWUP),
            "Periodic connector health: token and watch-channel expiry, rate-limit headroom, 429/403 counts");

    public static final List<TopicSpec<?>> ALL = List.of(
            CRM_LEAD_HINTS,
            CRM_LEAD_EVENTS,
            CRM_COMMANDS,
            CRM_COMMAND_RESULTS,
            CRM_INSTALLATIONS,
            CALENDAR_NOTIFICATIONS,
            CALENDAR_SLOT_EVENTS,
            CALENDAR_COMMANDS,
            CALENDAR_COMMAND_RESULTS,
            MEETING_EVENTS,
            MESSAGING_INBOUND,
            FOLLOWUP_EVENTS,
            INGRESS_RAW,
            SYNC_DECISIONS,
            OPS_REPORTS);

    private Topics() {}

    public static Optional<TopicSpec<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The topic spec of a topic or of its dead-letter topic. */
    public static Optional<TopicSpec<?>> byNameOrDlt(String name) {
        String base = name.endsWith(TopicSpec.DLT_SUFFIX)
                ? name.substring(0, name.length() - TopicSpec.DLT_SUFFIX.length())
                : name;
        return byName(base);
    }

    /** Every topic name including dead-letter topics, for topic creation. */
    public static List<String> allNamesWithDlts() {
        return ALL.stream()
                .flatMap(t -> java.util.stream.Stream.of(t.name(), t.dlt()))
                .toList();
    }
}
