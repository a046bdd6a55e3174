package io.slotbridge.followup.app;

import io.slotbridge.followup.config.FollowupProperties;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.Run;
import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.SequenceEngine;
import io.slotbridge.followup.domain.Step;
import io.slotbridge.followup.store.ExecutedStep;
import io.slotbridge.followup.store.LeadState;
import io.slotbridge.followup.store.LeadStore;
import io.slotbridge.followup.store.RunStore;
import io.slotbridge.followup.store.StoredRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes the due step of one run. Call tasks, notes and closing lost commit in one transaction with the run's move
 * to the next step (commands through the outbox). A template send is three commits: decide, send (intent and
 * attempts in the send log), then record the outcome and move on; a crash anywhere resumes from the send log.
 */
@Component
public class StepExecutor {

    private static final Logger log = LoggerFactory.getLogger(StepExecutor.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("dd.MM HH:mm");
    private static final int RETRIES_BEFORE_ALERT = 3;

    private final RunStore runs;
    private final LeadStore leads;
    private final FollowupTenants tenants;
    private final FollowupJournal journal;
    private final TemplateSender sender;
    private final FollowupProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public StepExecutor(
            RunStore runs,
            LeadStore leads,
            FollowupTenants tenants,
            FollowupJournal journal,
            TemplateSender sender,
            FollowupProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.runs = runs;
        this.leads = leads;
        this.tenants = tenants;
        this.journal = journal;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs the due step of {@code runId}, if it is still due. */
    public void execute(String runId) {
        PendingSend pending = transaction.execute(s -> decide(runId, clock.instant()));
        if (pending == null) {
            return;
        }
        SendResult result = sender.send(pending.tenant(), pending.stored().run(), pending.step(), pending.lead());
        transaction.executeWithoutResult(s -> finishSend(pending, result, clock.instant()));
    }

    private PendingSend decide(String runId, Instant now) {
        Optional<StoredRun> locked = runs.lock(runId);
        if (locked.isEmpty()
                || !locked.get().run().isActive()
                || locked.get().run().nextDueAt().isAfter(now)) {
            return null;
        }
        StoredRun stored = locked.get();
        Run run = stored.run();
        Optional<FollowupTenant> tenant = tenants.find(run.tenant());
        Optional<Sequence> sequence = tenant.flatMap(t -> t.sequence(run.scenario()));
        if (sequence.isEmpty()) {
            log.error(
                    "run {} of lead {}:{} refers to sequence {} which tenant configuration no longer has; it waits "
                            + "{} for the configuration to be fixed",
                    runId,
                    run.tenant(),
                    run.leadId(),
                    run.scenario(),
                    properties.holdRetry());
            runs.update(
                    stored.held("sequence " + run.scenario() + " not configured")
                            .withRun(run.postpone(now.plus(properties.holdRetry()))),
                    now);
            return null;
        }
        SequenceEngine.Decision decision = SequenceEngine.onDue(
                sequence.get(), run.position(), now, tenant.get().calendar());
        if (decision instanceof SequenceEngine.Decision.Postpone postpone) {
            Run later = postpone.index() < 0
                    ? run.postpone(postpone.until())
                    : run.postpone(postpone.until(), postpone.index());
            runs.update(stored.withRun(later), now);
            return null;
        }
        if (decision instanceof SequenceEngine.Decision.Complete) {
            complete(stored, sequence.get(), now);
            return null;
        }
        Step step = ((SequenceEngine.Decision.Execute) decision).step();
        if (step instanceof Step.SendTemplate send) {
            LeadState lead = leads.find(run.tenant(), run.leadId()).orElse(null);
            return new PendingSend(tenant.get(), stored, sequence.get(), send, lead);
        }
        advance(tenant.get(), stored, sequence.get(), act(tenant.get(), run, step, now), now);
        return null;
    }

    /** Call task, note or close-lost: the command goes out with the step's commit. */
    private StepReport act(FollowupTenant tenant, Run run, Step step, Instant now) {
        String prefix = "Follow-up " + run.scenario() + ": ";
        if (step instanceof Step.CallTask call) {
            Instant due = tenant.calendar().closingOfWorkingDay(now);
            journal.callTask(run, run.position(), call.text(), due, now);
            return new StepReport(
                    step.action(),
                    step.label(),
                    StepReport.DONE,
                    "call task due " + due,
                    prefix + "поставлена задача на звонок до " + local(tenant, due) + " — «" + call.text() + "».",
                    null);
        }
        if (step instanceof Step.Note note) {
            journal.note(run, run.position() + "|note-step", run.runId(), now, note.text());
            return new StepReport(step.action(), step.label(), StepReport.DONE, "note added", null, null);
        }
        Step.CloseLost close = (Step.CloseLost) step;
        String reason = tenant.lossReasonName(close.reason());
        journal.closeLost(run, run.position(), reason, tenant.pipeline(), now);
        return new StepReport(
                step.action(),
                step.label(),
                StepReport.DONE,
                "lead closed lost, reason " + reason,
                prefix + "клиент не вышел на связь, лид закрыт с причиной «" + reason + "».",
                null);
    }

    private void finishSend(PendingSend pending, SendResult result, Instant now) {
        StoredRun stored = runs.lock(pending.stored().run().runId()).orElseThrow();
        Run run = stored.run();
        int position = pending.stored().run().position();
        boolean sameStep = run.isActive() && run.position() == position;
        StepReport report = report(pending, result);
        if (!sameStep) {
            // stopped while the request was in flight: what went out is still recorded, the run stays stopped
            if (result instanceof SendResult.Delivered) {
                runs.recordStep(executed(pending.stored().run(), position, report, now));
                journal.stepExecuted(pending.stored().run(), position, report, null, now);
            }
            return;
        }
        if (result instanceof SendResult.Held held) {
            hold(stored, position, report, held.code(), now);
            return;
        }
        if (result instanceof SendResult.RetryLater retry) {
            StoredRun retried = stored.retried();
            if (retried.retries() >= RETRIES_BEFORE_ALERT && stored.heldReason() == null) {
                hold(stored, position, report, "UNAVAILABLE", now);
                return;
            }
            Duration delay = backoff(stored.retries());
            runs.update(retried.withRun(run.postpone(now.plus(delay))), now);
            log.warn(
                    "follow-up step {} of run {} postponed {} after transient Wazzup failures: {}",
                    position,
                    run.runId(),
                    delay,
                    retry.reason());
            return;
        }
        advance(pending.tenant(), stored, pending.sequence(), report, now);
    }

    private void hold(StoredRun stored, int position, StepReport report, String code, Instant now) {
        Run run = stored.run();
        Run later = run.postpone(now.plus(properties.holdRetry()));
        boolean firstHold = stored.heldReason() == null;
        runs.update(stored.held(code).withRun(later), now);
        if (firstHold) {
            journal.stepExecuted(run, position, report, later.nextDueAt(), now);
            journal.channelStatus(
                    run.tenant(),
                    "UNAVAILABLE".equals(code) ? "degraded" : "blocked",
                    report.detail(),
                    Map.of("code", code, "runId", run.runId()),
                    now);
        }
        log.warn(
                "follow-up run {} of lead {}:{} held at step {}: {}",
                run.runId(),
                run.tenant(),
                run.leadId(),
                position,
                report.detail());
    }

    private void advance(FollowupTenant tenant, StoredRun stored, Sequence sequence, StepReport report, Instant now) {
        Run run = stored.run();
        runs.recordStep(executed(run, run.position(), report, now));
        Run next = run.stepDone(sequence, now, tenant.calendar());
        runs.update(stored.withRun(next), now);
        journal.stepExecuted(run, run.position(), report, next.nextDueAt(), now);
        if (stored.heldReason() != null) {
            journal.channelStatus(run.tenant(), "ok", "sending again", Map.of("runId", run.runId()), now);
        }
    }

    private void complete(StoredRun stored, Sequence sequence, Instant now) {
        Run run = stored.run();
        Run completed = run.complete();
        runs.update(stored.withRun(completed), now);
        boolean closedLost = sequence.steps().stream().anyMatch(s -> s instanceof Step.CloseLost);
        journal.completed(completed, closedLost ? "closed-lost" : "finished", now);
        log.info("follow-up {} of lead {}:{} completed", run.scenario(), run.tenant(), run.leadId());
    }

    private StepReport report(PendingSend pending, SendResult result) {
        Step.SendTemplate step = pending.step();
        String prefix = "Follow-up " + pending.stored().run().scenario() + ": ";
        String name = "«" + step.template() + "»";
        if (result instanceof SendResult.Delivered delivered) {
            String what = delivered.asText() ? "WhatsApp-сообщение " : "WhatsApp-шаблон ";
            return new StepReport(
                    step.action(),
                    step.label(),
                    StepReport.DONE,
                    delivered.detail(),
                    prefix + "отправлен " + what + name + ".",
                    delivered.messageId());
        }
        if (result instanceof SendResult.Skipped skipped) {
            return new StepReport(
                    step.action(),
                    step.label(),
                    StepReport.SKIPPED,
                    skipped.reason(),
                    prefix + "шаблон " + name + " не отправлен: " + skipped.reason()
                            + ". Свяжитесь с клиентом вручную.",
                    null);
        }
        if (result instanceof SendResult.Uncertain uncertain) {
            return new StepReport(
                    step.action(),
                    step.label(),
                    StepReport.UNCERTAIN,
                    uncertain.reason(),
                    prefix + "не удалось подтвердить отправку шаблона " + name
                            + ". Проверьте чат WhatsApp: повторно сообщение не отправляется.",
                    null);
        }
        String reason =
                result instanceof SendResult.Held held ? held.reason() : ((SendResult.RetryLater) result).reason();
        return new StepReport(
                step.action(),
                step.label(),
                StepReport.HELD,
                reason,
                prefix + "отправка шаблона " + name + " приостановлена: канал WhatsApp недоступен (" + reason
                        + "). Продолжим автоматически, когда канал заработает.",
                null);
    }

    private Duration backoff(int retries) {
        Duration delay = properties.transientRetry().multipliedBy(1L << Math.min(retries, 10));
        return delay.compareTo(properties.holdRetry()) > 0 ? properties.holdRetry() : delay;
    }

    private static ExecutedStep executed(Run run, int position, StepReport report, Instant now) {
        return new ExecutedStep(
                run.runId(),
                position,
                report.action(),
                report.label(),
                report.outcome(),
                report.detail(),
                report.messageId(),
                now);
    }

    private static String local(FollowupTenant tenant, Instant instant) {
        return HH_MM.format(instant.atZone(tenant.calendar().zone()));
    }

    private record PendingSend(
            FollowupTenant tenant, StoredRun stored, Sequence sequence, Step.SendTemplate step, LeadState lead) {}
}
