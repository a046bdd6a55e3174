package io.slotbridge.console.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Every action an operator takes through the console (replays, discards, stopped runs, connect links). */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(
            rs.getLong("id"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("tenant"),
            rs.getString("target"),
            rs.getString("detail"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String tenant, String target, String detail) {
        jdbc.update(
                "insert into audit_log (at, actor, action, tenant, target, detail) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                actor,
                action,
                tenant,
                target,
                detail);
        log.info("audit: {} {} {} {} ({})", actor, action, tenant, target, detail);
    }

    public List<Entry> recent(int limit) {
        return jdbc.query("select * from audit_log order by id desc limit ?", ROW, limit);
    }

    public List<Entry> forTarget(String target) {
        return jdbc.query("select * from audit_log where target = ? order by id desc", ROW, target);
    }

    public record Entry(
            long id, Instant at, String actor, String action, String tenant, String target, String detail) {}
}
