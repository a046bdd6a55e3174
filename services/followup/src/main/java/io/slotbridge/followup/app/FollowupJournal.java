package io.slotbridge.followup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.CreateCallTask;
import io.slotbridge.contracts.followup.FollowUpCompleted;
import io.slotbridge.contracts.followup.FollowUpMessageStatusChanged;
import io.slotbridge.contracts.followup.FollowUpStarted;
import io.slotbridge.contracts.followup.FollowUpStepExecuted;
import io.slotbridge.contracts.followup.FollowUpStopped;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.followup.domain.Run;
import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Everything a run tells the world, appended to the outbox inside the caller's transaction: follow-up events, CRM
 * commands and the note on the lead that explains each step to the call centre. Ids are deterministic (run, step,
 * action), so a step retried after a crash yields the very same commands and the crm-connector applies them once.
 */
@Component
public class FollowupJournal {

    static final String SERVICE = Topics.FOLLOWUP;

    private final OutboxWriter outbox;
    private final MeterRegistry meters;

    public FollowupJournal(OutboxWriter outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.meters = meters;
    }

    public void started(Run run, Sequence sequence, String trigger, String causationId, Instant now) {
        outbox.append(
                Topics.FOLLOWUP_EVENTS,
                new FollowUpStarted(
                        id(run, "started"),
                        run.tenant(),
                        run.leadId(),
                        now,
                        run.runId(),
                        run.scenario(),
                        trigger,
                        run.nextDueAt()));
        note(
                run,
                "started",
                causationId,
                now,
                "Запущен follow-up " + run.scenario() + " (ОП-2): " + sequence.title() + ".");
        meters.counter("slotbridge.followup.runs", "event", "started", "scenario", run.scenario(), "reason", trigger)
                .increment();
    }

    /** A step ran; {@code note} is the text the call centre sees on the lead (null: the step wrote its own note). */
    public void stepExecuted(Run run, int position, StepReport report, Instant nextDueAt, Instant now) {
        String eventId = id(run, position + "|" + report.outcome() + "|event");
        outbox.append(
                Topics.FOLLOWUP_EVENTS,
                new FollowUpStepExecuted(
                        eventId,
                        run.tenant(),
                        run.leadId(),
                        now,
                        run.runId(),
                        run.scenario(),
                        position,
                        report.label(),
                        report.action(),
                        report.outcome(),
                        report.detail(),
                        report.messageId(),
                        nextDueAt));
        if (report.note() != null) {
            note(run, position + "|" + report.outcome(), run.runId(), now, report.note());
        }
        meters.counter(
                        "slotbridge.followup.steps",
                        "scenario",
                        run.scenario(),
                        "action",
                        report.action(),
                        "outcome",
                        report.outcome())
                .increment();
    }

    public void stopped(Run run, StopCondition condition, String causationId, Instant now) {
        outbox.append(
                Topics.FOLLOWUP_EVENTS,
                new FollowUpStopped(
                        id(run, "stopped"),
                        run.tenant(),
                        run.leadId(),
                        now,
                        run.runId(),
                        run.scenario(),
                        condition.keyword(),
                        run.position()));
        note(
                run,
                "stopped",
                causationId,
                now,
                "Follow-up " + run.scenario() + " остановлен: " + condition.noteText() + ".");
        meters.counter(
                        "slotbridge.followup.runs",
                        "event",
                        "stopped",
                        "scenario",
                        run.scenario(),
                        "reason",
                        condition.keyword())
                .increment();
    }

    public void completed(Run run, String outcome, Instant now) {
        outbox.append(
                Topics.FOLLOWUP_EVENTS,
                new FollowUpCompleted(
                        id(run, "completed"), run.tenant(), run.leadId(), now, run.runId(), run.scenario(), outcome));
        meters.counter("slotbridge.followup.runs", "event", "completed", "scenario", run.scenario(), "reason", outcome)
                .increment();
    }

    public void messageStatus(
            Run run, String wazzupMessageId, String status, String errorCode, String statusEventId, Instant now) {
        outbox.append(
                Topics.FOLLOWUP_EVENTS,
                new FollowUpMessageStatusChanged(
                        MessageIds.deterministic(run.runId(), "status", statusEventId),
                        run.tenant(),
                        run.leadId(),
                        now,
                        run.runId(),
                        run.scenario(),
                        wazzupMessageId,
                        status,
                        errorCode));
    }

    public void callTask(Run run, int position, String text, Instant dueAt, Instant now) {
        outbox.append(
                Topics.CRM_COMMANDS,
                new CreateCallTask(
                        commandId(run, position, "call-task"),
                        run.tenant(),
                        run.leadId(),
                        now,
                        SERVICE,
                        run.runId(),
                        text,
                        dueAt,
                        null));
    }

    public void closeLost(Run run, int position, String lossReason, String pipeline, Instant now) {
        outbox.append(
                Topics.CRM_COMMANDS,
                new CloseLeadLost(
                        commandId(run, position, "close-lost"),
                        run.tenant(),
                        run.leadId(),
                        now,
                        SERVICE,
                        run.runId(),
                        lossReason,
                        pipeline));
    }

    /** A note on the lead with a deterministic command id made of the run and {@code what}. */
    public void note(Run run, String what, String causationId, Instant now, String text) {
        outbox.append(
                Topics.CRM_COMMANDS,
                new AddNote(
                        MessageIds.deterministic(run.runId(), what, "note"),
                        run.tenant(),
                        run.leadId(),
                        now,
                        SERVICE,
                        causationId,
                        text));
    }

    /** Tells operations how the tenant's Wazzup channel is doing (console overview and alerts). */
    public void channelStatus(String tenant, String status, String detail, Map<String, String> details, Instant now) {
        outbox.append(
                Topics.OPS_REPORTS,
                new ConnectionStatusReported(
                        MessageIds.random(),
                        tenant,
                        now,
                        SERVICE,
                        null,
                        "wazzup",
                        status,
                        null,
                        null,
                        100.0,
                        null,
                        null,
                        null,
                        detail,
                        details));
    }

    /** {@code MessageIds.deterministic(runId, stepIndex, action)}: the same step always issues the same command. */
    public static String commandId(Run run, int position, String action) {
        return MessageIds.deterministic(run.runId(), String.valueOf(position), action);
    }

    private static String id(Run run, String what) {
        return MessageIds.deterministic(run.runId(), what);
    }
}
