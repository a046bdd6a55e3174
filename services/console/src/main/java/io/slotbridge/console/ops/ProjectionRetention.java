package io.slotbridge.console.ops;

import io.slotbridge.console.config.ConsoleProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the projection from growing without end: timeline lines, signals, handled dead letters and resolved alerts
 * older than {@code slotbridge.console.retention} are deleted hourly. Unhandled dead letters and the audit log stay.
 */
@Component
class ProjectionRetention {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConsoleProperties properties;

    ProjectionRetention(JdbcTemplate jdbc, Clock clock, ConsoleProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purge() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(properties.retention()));
        try {
            int lines = jdbc.update("delete from timeline_entry where occurred_at < ?", cutoff);
            int signals = jdbc.update("delete from signal where occurred_at < ?", cutoff);
            int letters = jdbc.update("delete from dead_letter where state <> 'new' and state_changed_at < ?", cutoff);
            int alerts = jdbc.update("delete from alert where resolved_at < ?", cutoff);
            if (lines + signals + letters + alerts > 0) {
                log.info(
                        "retention removed {} timeline lines, {} signals, {} handled dead letters, {} alerts",
                        lines,
                        signals,
                        letters,
                        alerts);
            }
        } catch (RuntimeException e) {
            log.warn("retention run failed, next run retries: {}", e.toString());
        }
    }
}
