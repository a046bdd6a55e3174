package io.slotbridge.followup.store;

import static io.slotbridge.followup.store.Sql.instant;
import static io.slotbridge.followup.store.Sql.ts;

import io.slotbridge.followup.domain.Run;
import io.slotbridge.followup.domain.StopCondition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Runs and their executed steps. Callers hold the transaction; {@code lock*} methods take the row lock. */
@Repository
public class RunStore {

    private static final RowMapper<StoredRun> ROW = RunStore::map;

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new run unless the lead already has an active run or this trigger already started one.
     *
     * @return false when the run was not created (duplicate trigger, or the lead is busy)
     */
    public boolean insert(Run run, String trigger, String triggerId, Instant now) {
        return jdbc.update(
                        """
                        insert into run (run_id, tenant, lead_id, scenario, trigger, trigger_id, status, position,
                                         next_due_at, started_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """,
                        run.runId(),
                        run.tenant(),
                        run.leadId(),
                        run.scenario(),
                        trigger,
                        triggerId,
                        run.status().name(),
                        run.position(),
                        ts(run.nextDueAt()),
                        ts(now),
                        ts(now))
                == 1;
    }

    public void update(StoredRun stored, Instant now) {
        Run run = stored.run();
        jdbc.update(
                """
                update run set status = ?, position = ?, next_due_at = ?, stop_reason = ?, held_reason = ?,
                               retries = ?, claimed_until = null, updated_at = ?,
                               finished_at = case when ? = 'ACTIVE' then null else coalesce(finished_at, ?) end
                where run_id = ?
                """,
                run.status().name(),
                run.position(),
                ts(run.nextDueAt()),
                run.stopReason() == null ? null : run.stopReason().name(),
                stored.heldReason(),
                stored.retries(),
                ts(now),
                run.status().name(),
                ts(now),
                run.runId());
    }

    public Optional<StoredRun> lock(String runId) {
        return jdbc.query("select * from run where run_id = ? for update", ROW, runId).stream()
                .findFirst();
    }

    public Optional<StoredRun> lockActive(String tenant, String leadId) {
        return jdbc
                .query(
                        "select * from run where tenant = ? and lead_id = ? and status = 'ACTIVE' for update",
                        ROW,
                        tenant,
                        leadId)
                .stream()
                .findFirst();
    }

    public Optional<StoredRun> find(String runId) {
        return jdbc.query("select * from run where run_id = ?", ROW, runId).stream()
                .findFirst();
    }

    /** Claims up to {@code limit} due runs for this worker until {@code claimUntil}; other replicas skip them. */
    public List<String> claimDue(Instant now, Instant claimUntil, int limit) {
        return jdbc.queryForList(
                """
                update run set claimed_until = ?
                where run_id in (select run_id from run
                                 where status = 'ACTIVE' and next_due_at <= ?
                                   and (claimed_until is null or claimed_until < ?)
                                 order by next_due_at
                                 limit ? for update skip locked)
                returning run_id
                """,
                String.class,
                ts(claimUntil),
                ts(now),
                ts(now),
                limit);
    }

    /** Leaves the claim so the next poll may pick the run up again (the step was not executed). */
    public void release(String runId) {
        jdbc.update("update run set claimed_until = null where run_id = ?", runId);
    }

    public List<StoredRun> list(String tenant, String status, String leadId, int limit) {
        return jdbc.query(
                """
                select * from run where tenant = ? and (?::text is null or status = ?)
                  and (?::text is null or lead_id = ?)
                order by started_at desc limit ?
                """,
                ROW,
                tenant,
                status,
                status,
                leadId,
                leadId,
                limit);
    }

    /** Records an executed step; the primary key refuses a second execution of the same step. */
    public void recordStep(ExecutedStep step) {
        jdbc.update(
                """
                insert into run_step (run_id, position, action, label, outcome, detail, message_id, executed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                step.runId(),
                step.position(),
                step.action(),
                step.label(),
                step.outcome(),
                step.detail(),
                step.messageId(),
                ts(step.executedAt()));
    }

    public List<ExecutedStep> steps(String runId) {
        return jdbc.query(
                "select * from run_step where run_id = ? order by position",
                (rs, i) -> new ExecutedStep(
                        rs.getString("run_id"),
                        rs.getInt("position"),
                        rs.getString("action"),
                        rs.getString("label"),
                        rs.getString("outcome"),
                        rs.getString("detail"),
                        rs.getString("message_id"),
                        instant(rs, "executed_at")),
                runId);
    }

    /** Active and held runs of a tenant, for the status page. */
    public RunCounts counts(String tenant) {
        return jdbc.queryForObject(
                """
                select count(*) filter (where status = 'ACTIVE') as active,
                       count(*) filter (where status = 'ACTIVE' and held_reason is not null) as held
                from run where tenant = ?
                """,
                (rs, i) -> new RunCounts(rs.getLong("active"), rs.getLong("held")),
                tenant);
    }

    public record RunCounts(long active, long held) {}

    private static StoredRun map(ResultSet rs, int row) throws SQLException {
        String stop = rs.getString("stop_reason");
        Run run = new Run(
                rs.getString("run_id"),
                rs.getString("tenant"),
                rs.getString("lead_id"),
                rs.getString("scenario"),
                Run.Status.valueOf(rs.getString("status")),
                rs.getInt("position"),
                instant(rs, "next_due_at"),
                stop == null ? null : StopCondition.valueOf(stop));
        return new StoredRun(
                run,
                rs.getString("trigger"),
                rs.getString("trigger_id"),
                rs.getString("held_reason"),
                rs.getInt("retries"),
                instant(rs, "started_at"),
                instant(rs, "updated_at"),
                instant(rs, "finished_at"));
    }
}
