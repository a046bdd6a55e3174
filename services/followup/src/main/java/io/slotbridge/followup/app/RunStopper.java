package io.slotbridge.followup.app;

import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.domain.Run;
import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.followup.domain.Trigger;
import io.slotbridge.followup.store.RunStore;
import io.slotbridge.followup.store.StoredRun;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Ends a lead's active run on a contact signal, inside the caller's transaction. */
@Component
public class RunStopper {

    private static final Logger log = LoggerFactory.getLogger(RunStopper.class);

    private final RunStore runs;
    private final FollowupJournal journal;

    public RunStopper(RunStore runs, FollowupJournal journal) {
        this.runs = runs;
        this.journal = journal;
    }

    /** @return the stopped run, empty when the lead had no active run or its sequence ignores this signal */
    public Optional<Run> stop(
            FollowupTenant tenant, String leadId, StopCondition condition, String causationId, Instant now) {
        return runs.lockActive(tenant.id(), leadId)
                .flatMap(stored -> stop(tenant, stored, condition, causationId, now));
    }

    public Optional<Run> stop(
            FollowupTenant tenant, StoredRun stored, StopCondition condition, String causationId, Instant now) {
        Run run = stored.run();
        Run stopped = run.stop(sequenceOf(tenant, run), condition);
        if (stopped == run) {
            return Optional.empty();
        }
        runs.update(stored.withRun(stopped), now);
        journal.stopped(stopped, condition, causationId, now);
        log.info(
                "follow-up {} of lead {}:{} stopped: {}",
                run.scenario(),
                run.tenant(),
                run.leadId(),
                condition.keyword());
        return Optional.of(stopped);
    }

    /** A sequence renamed in the tenant file since the run started still stops on every signal. */
    private static Sequence sequenceOf(FollowupTenant tenant, Run run) {
        return tenant.sequence(run.scenario())
                .orElseGet(() -> new Sequence(
                        run.scenario(),
                        run.scenario(),
                        Trigger.MANUAL,
                        List.of(new io.slotbridge.followup.domain.Step.Note("-", "-")),
                        EnumSet.allOf(StopCondition.class)));
    }
}
