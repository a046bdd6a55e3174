package io.slotbridge.console.projection.app;

import static io.slotbridge.console.common.SqlTimes.timestamp;

import io.slotbridge.contracts.followup.FollowUpCompleted;
import io.slotbridge.contracts.followup.FollowUpEvent;
import io.slotbridge.contracts.followup.FollowUpStarted;
import io.slotbridge.contracts.followup.FollowUpStepExecuted;
import io.slotbridge.contracts.followup.FollowUpStopped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Follow-up runs as followup.events.v1 tells them (keyed by lead, so a run's events arrive in order). */
@Component
class FollowUpRunWriter {

    private static final String UPSERT =
            """
            insert into followup_run (run_id, tenant, lead_id, scenario, trigger, state, step_index, step_name,
                last_action, last_outcome, next_due_at, started_at, ended_at, end_reason, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (run_id) do update set
            """;

    private final JdbcTemplate jdbc;

    FollowUpRunWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void on(FollowUpEvent event) {
        if (event instanceof FollowUpStarted f) {
            jdbc.update(
                    UPSERT + "trigger = excluded.trigger, started_at = excluded.started_at,"
                            + " next_due_at = coalesce(followup_run.next_due_at, excluded.next_due_at)",
                    f.runId(),
                    f.tenant(),
                    f.leadId(),
                    f.scenario(),
                    f.trigger(),
                    "active",
                    null,
                    null,
                    null,
                    null,
                    timestamp(f.firstStepDueAt()),
                    timestamp(f.occurredAt()),
                    null,
                    null,
                    timestamp(f.occurredAt()));
        } else if (event instanceof FollowUpStepExecuted f) {
            jdbc.update(
                    UPSERT + "step_index = excluded.step_index, step_name = excluded.step_name,"
                            + " last_action = excluded.last_action, last_outcome = excluded.last_outcome,"
                            + " next_due_at = excluded.next_due_at, updated_at = excluded.updated_at"
                            + " where coalesce(followup_run.step_index, -1) <= excluded.step_index",
                    f.runId(),
                    f.tenant(),
                    f.leadId(),
                    f.scenario(),
                    null,
                    "active",
                    f.stepIndex(),
                    f.stepName(),
                    f.action(),
                    f.outcome(),
                    timestamp(f.nextDueAt()),
                    null,
                    null,
                    null,
                    timestamp(f.occurredAt()));
        } else if (event instanceof FollowUpStopped f) {
            end(f, "stopped", f.reason());
        } else if (event instanceof FollowUpCompleted f) {
            end(f, "completed", f.outcome());
        }
    }

    private void end(FollowUpEvent f, String state, String reason) {
        jdbc.update(
                UPSERT + "state = excluded.state, ended_at = excluded.ended_at, end_reason = excluded.end_reason,"
                        + " next_due_at = null, updated_at = excluded.updated_at",
                f.runId(),
                f.tenant(),
                f.leadId(),
                f.scenario(),
                null,
                state,
                null,
                null,
                null,
                null,
                null,
                null,
                timestamp(f.occurredAt()),
                reason,
                timestamp(f.occurredAt()));
    }
}
