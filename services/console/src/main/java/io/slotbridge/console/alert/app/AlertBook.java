package io.slotbridge.console.alert.app;

import static io.slotbridge.console.common.SqlTimes.instant;

import io.slotbridge.console.alert.domain.AlertCandidate;
import io.slotbridge.console.alert.domain.AlertCandidate.Severity;
import io.slotbridge.console.alert.domain.Notice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The alerts in PostgreSQL: a condition that starts holding opens an alert, one that stops holding resolves it.
 * Which notices are due follows from the rows: new alerts, reminders after {@code repeatEvery}, and resolutions of
 * alerts someone was told about. An alert that resolves and comes back before its resolution was announced is
 * quietly reopened, so a flapping condition does not page anyone twice.
 */
@Component
public class AlertBook {

    private final JdbcTemplate jdbc;

    public AlertBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Brings the book in line with what holds now and returns the notices that are due. */
    public List<Notice> reconcile(List<AlertCandidate> holding, Instant now, Duration repeatEvery) {
        Map<String, Alert> open = open().stream().collect(Collectors.toMap(Alert::key, Function.identity()));
        Map<String, AlertCandidate> current =
                holding.stream().collect(Collectors.toMap(AlertCandidate::key, Function.identity(), (a, b) -> a));
        Timestamp at = Timestamp.from(now);
        for (AlertCandidate candidate : current.values()) {
            if (open.containsKey(candidate.key())) {
                jdbc.update(
                        "update alert set last_seen_at = ?, message = ?, severity = ? where id = ?",
                        at,
                        candidate.message(),
                        candidate.severity().name(),
                        open.get(candidate.key()).id());
            } else if (!reopenUnannounced(candidate, at)) {
                jdbc.update(
                        """
                        insert into alert (alert_key, rule, tenant, subject, severity, message, fired_at, last_seen_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        candidate.key(),
                        candidate.rule(),
                        candidate.tenant(),
                        candidate.subject(),
                        candidate.severity().name(),
                        candidate.message(),
                        at,
                        at);
            }
        }
        open.values().stream()
                .filter(alert -> !current.containsKey(alert.key()))
                .forEach(alert -> jdbc.update("update alert set resolved_at = ? where id = ?", at, alert.id()));
        return due(now, repeatEvery);
    }

    private boolean reopenUnannounced(AlertCandidate candidate, Timestamp at) {
        return jdbc.update(
                        """
                        update alert set resolved_at = null, last_seen_at = ?, message = ?, severity = ?
                        where id = (select id from alert where alert_key = ? and resolved_at is not null
                            and resolve_notified_at is null order by id desc limit 1)
                        """,
                        at,
                        candidate.message(),
                        candidate.severity().name(),
                        candidate.key())
                == 1;
    }

    private List<Notice> due(Instant now, Duration repeatEvery) {
        List<Notice> notices = new ArrayList<>();
        jdbc.query(
                """
                select * from alert
                where (resolved_at is null and (notified_at is null or notified_at < ?))
                   or (resolved_at is not null and notified_at is not null and resolve_notified_at is null)
                """,
                rs -> {
                    Notice.Kind kind = rs.getTimestamp("resolved_at") != null
                            ? Notice.Kind.RESOLVED
                            : rs.getTimestamp("notified_at") == null ? Notice.Kind.FIRING : Notice.Kind.REMINDER;
                    notices.add(new Notice(
                            rs.getLong("id"),
                            kind,
                            rs.getString("rule"),
                            rs.getString("tenant"),
                            rs.getString("subject"),
                            Severity.valueOf(rs.getString("severity")),
                            rs.getString("message")));
                },
                Timestamp.from(now.minus(repeatEvery)));
        notices.sort(Comparator.comparing(Notice::kind)
                .thenComparing(Notice::severity)
                .thenComparing(Notice::alertId));
        return notices;
    }

    public void markNotified(List<Notice> notices, Instant now) {
        Timestamp at = Timestamp.from(now);
        for (Notice notice : notices) {
            String column = notice.kind() == Notice.Kind.RESOLVED ? "resolve_notified_at" : "notified_at";
            jdbc.update("update alert set " + column + " = ?, notify_error = null where id = ?", at, notice.alertId());
        }
    }

    public void recordFailure(List<Notice> notices, String problem) {
        notices.forEach(n -> jdbc.update("update alert set notify_error = ? where id = ?", problem, n.alertId()));
    }

    public List<Alert> open() {
        return jdbc.query("select * from alert where resolved_at is null order by severity, fired_at", AlertBook::map);
    }

    public List<Alert> openFor(String tenant) {
        return jdbc.query(
                "select * from alert where resolved_at is null and tenant in (?, '*') order by severity, fired_at",
                AlertBook::map,
                tenant);
    }

    public List<Alert> recentlyResolved(int limit) {
        return jdbc.query(
                "select * from alert where resolved_at is not null order by resolved_at desc limit ?",
                AlertBook::map,
                limit);
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        return new Alert(
                rs.getLong("id"),
                rs.getString("alert_key"),
                rs.getString("rule"),
                rs.getString("tenant"),
                rs.getString("subject"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("message"),
                rs.getTimestamp("fired_at").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant(),
                instant(rs.getTimestamp("resolved_at")),
                instant(rs.getTimestamp("notified_at")),
                rs.getString("notify_error"));
    }

    public record Alert(
            long id,
            String key,
            String rule,
            String tenant,
            String subject,
            Severity severity,
            String message,
            Instant firedAt,
            Instant lastSeenAt,
            Instant resolvedAt,
            Instant notifiedAt,
            String notifyError) {

        public boolean critical() {
            return severity == Severity.CRITICAL;
        }
    }
}
