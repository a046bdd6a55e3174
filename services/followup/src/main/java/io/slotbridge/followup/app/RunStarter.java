package io.slotbridge.followup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.domain.Run;
import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.Trigger;
import io.slotbridge.followup.store.LeadState;
import io.slotbridge.followup.store.LeadStore;
import io.slotbridge.followup.store.RunStore;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a run for a trigger, inside the caller's transaction. A lead has one active run at a time and a trigger
 * starts at most one run ever (database constraints), so a redelivered or repeated trigger changes nothing.
 */
@Component
public class RunStarter {

    private static final Logger log = LoggerFactory.getLogger(RunStarter.class);

    private final RunStore runs;
    private final LeadStore leads;
    private final FollowupJournal journal;
    private final MeterRegistry meters;

    public RunStarter(RunStore runs, LeadStore leads, FollowupJournal journal, MeterRegistry meters) {
        this.runs = runs;
        this.leads = leads;
        this.journal = journal;
        this.meters = meters;
    }

    /**
     * @param triggerId identifies this occurrence of the trigger (e.g. the no-show of meeting 2), the same on every
     *     redelivery
     */
    public Optional<Run> start(
            FollowupTenant tenant, String leadId, Trigger trigger, String triggerId, String causationId, Instant now) {
        Optional<Sequence> sequence = tenant.sequenceFor(trigger);
        if (sequence.isEmpty()) {
            log.info(
                    "tenant {} has no follow-up sequence for trigger {}; lead {} not followed up",
                    tenant.id(),
                    trigger.keyword(),
                    leadId);
            return Optional.empty();
        }
        Optional<LeadState> lead = leads.find(tenant.id(), leadId);
        if (lead.isPresent() && lead.get().isGone()) {
            log.info(
                    "lead {}:{} is closed or deleted; {} does not start a follow-up",
                    tenant.id(),
                    leadId,
                    trigger.keyword());
            return Optional.empty();
        }
        String runId =
                MessageIds.deterministic(tenant.id(), leadId, sequence.get().name(), triggerId);
        Run run = Run.start(runId, tenant.id(), leadId, sequence.get(), now, tenant.calendar());
        if (!runs.insert(run, trigger.keyword(), triggerId, now)) {
            log.info(
                    "follow-up for lead {}:{} not started by {}: this trigger already started a run or the lead has "
                            + "an active one",
                    tenant.id(),
                    leadId,
                    triggerId);
            meters.counter("slotbridge.followup.triggers.ignored", "trigger", trigger.keyword())
                    .increment();
            return Optional.empty();
        }
        journal.started(run, sequence.get(), trigger.keyword(), causationId, now);
        log.info(
                "follow-up {} started for lead {}:{} (run {}), first step due {}",
                run.scenario(),
                tenant.id(),
                leadId,
                runId,
                run.nextDueAt());
        return Optional.of(run);
    }
}
