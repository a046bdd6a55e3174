package io.slotbridge.console.followup.app;

import static io.slotbridge.console.common.SqlTimes.instant;

import io.slotbridge.console.audit.AuditLog;
import io.slotbridge.console.connection.client.AdminApiClient;
import io.slotbridge.console.connection.client.ServiceAnswer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Follow-up runs as projected from followup.events.v1, and stopping one by hand through followup's admin API. */
@Component
public class FollowUpRuns {

    private final JdbcTemplate jdbc;
    private final AdminApiClient admin;
    private final AuditLog audit;

    public FollowUpRuns(JdbcTemplate jdbc, AdminApiClient admin, AuditLog audit) {
        this.jdbc = jdbc;
        this.admin = admin;
        this.audit = audit;
    }

    public List<Run> active(String tenant) {
        return jdbc.query(
                "select * from followup_run where tenant = ? and state = 'active' order by next_due_at nulls last",
                FollowUpRuns::map,
                tenant);
    }

    public List<Run> recentlyEnded(String tenant, int limit) {
        return jdbc.query(
                "select * from followup_run where tenant = ? and state <> 'active' order by ended_at desc limit ?",
                FollowUpRuns::map,
                tenant,
                limit);
    }

    public long activeCount(String tenant) {
        Long count = jdbc.queryForObject(
                "select count(*) from followup_run where tenant = ? and state = 'active'", Long.class, tenant);
        return count == null ? 0 : count;
    }

    public Optional<Run> get(String runId) {
        return jdbc.query("select * from followup_run where run_id = ?", FollowUpRuns::map, runId).stream()
                .findFirst();
    }

    /**
     * Asks followup to stop the run. The projection changes when followup publishes {@code followup.stopped}, so the
     * page shows the run as stopping until then.
     */
    public StopResult stop(String runId, String actor) {
        Optional<Run> run = get(runId);
        String tenant = run.map(Run::tenant).orElse(null);
        ServiceAnswer answer = admin.post("followup", "/admin/runs/{runId}/stop", runId);
        String detail = answer.ok() ? "followup accepted the stop" : "followup did not stop it: " + answer.message();
        audit.record(actor, "followup.stop", tenant, "followup-run:" + runId, detail);
        return new StopResult(answer.ok(), detail);
    }

    private static Run map(ResultSet rs, int row) throws SQLException {
        return new Run(
                rs.getString("run_id"),
                rs.getString("tenant"),
                rs.getString("lead_id"),
                rs.getString("scenario"),
                rs.getString("trigger"),
                rs.getString("state"),
                (Integer) rs.getObject("step_index"),
                rs.getString("step_name"),
                rs.getString("last_action"),
                rs.getString("last_outcome"),
                instant(rs.getTimestamp("next_due_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")),
                rs.getString("end_reason"));
    }

    public record Run(
            String runId,
            String tenant,
            String leadId,
            String scenario,
            String trigger,
            String state,
            Integer stepIndex,
            String stepName,
            String lastAction,
            String lastOutcome,
            Instant nextDueAt,
            Instant startedAt,
            Instant endedAt,
            String endReason) {}

    public record StopResult(boolean ok, String message) {}
}
