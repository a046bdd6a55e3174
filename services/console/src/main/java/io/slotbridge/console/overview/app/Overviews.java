package io.slotbridge.console.overview.app;

import io.slotbridge.console.alert.app.AlertBook;
import io.slotbridge.console.connection.app.ConnectionStatuses;
import io.slotbridge.console.connection.domain.ConnectionHealth;
import io.slotbridge.console.deadletter.app.DeadLetters;
import io.slotbridge.console.followup.app.FollowUpRuns;
import io.slotbridge.console.overview.domain.MinuteSeries;
import io.slotbridge.console.overview.domain.Sparkline;
import io.slotbridge.console.projection.domain.RecordDescriptions;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.ingress.IngressSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The overview of one tenant: traffic, command outcomes, health, backlog, dead letters, follow-up, alerts. */
@Component
public class Overviews {

    static final int WEBHOOK_MINUTES = 30;
    static final int COMMAND_MINUTES = 60;

    private final JdbcTemplate jdbc;
    private final ConnectionStatuses connections;
    private final DeadLetters deadLetters;
    private final FollowUpRuns followUps;
    private final ConsumerLagReader lag;
    private final AlertBook alerts;
    private final Clock clock;

    public Overviews(
            JdbcTemplate jdbc,
            ConnectionStatuses connections,
            DeadLetters deadLetters,
            FollowUpRuns followUps,
            ConsumerLagReader lag,
            AlertBook alerts,
            Clock clock) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.deadLetters = deadLetters;
        this.followUps = followUps;
        this.lag = lag;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Overview of(String tenant) {
        Instant now = clock.instant();
        List<DeadLetters.TopicCount> dead = deadLetters.unhandledByTopic(tenant);
        return new Overview(
                tenant,
                now,
                webhooks(tenant, now),
                commands(tenant, now, "applied"),
                commands(tenant, now, "failed"),
                connections.forTenant(tenant),
                dead,
                dead.stream().mapToLong(DeadLetters.TopicCount::count).sum(),
                followUps.activeCount(tenant),
                lag.read(),
                alerts.openFor(tenant));
    }

    private List<SourceRate> webhooks(String tenant, Instant now) {
        Map<String, Map<Instant, Long>> bySource = new HashMap<>();
        jdbc.query(
                """
                select source, floor(extract(epoch from occurred_at) / 60)::bigint * 60 as minute, count(*)
                from signal where tenant = ? and kind = 'webhook' and occurred_at >= ?
                group by 1, 2
                """,
                rs -> {
                    bySource.computeIfAbsent(rs.getString(1), s -> new HashMap<>())
                            .put(Instant.ofEpochSecond(rs.getLong(2)), rs.getLong(3));
                },
                tenant,
                Timestamp.from(now.minus(Duration.ofMinutes(WEBHOOK_MINUTES))));
        return Arrays.stream(IngressSource.values())
                .map(source -> source.name().toLowerCase(Locale.ROOT))
                .map(source -> new SourceRate(
                        RecordDescriptions.sourceName(source),
                        Sparkline.of(MinuteSeries.fill(bySource.getOrDefault(source, Map.of()), now, WEBHOOK_MINUTES))))
                .toList();
    }

    private Sparkline commands(String tenant, Instant now, String outcome) {
        Map<Instant, Long> perMinute = new HashMap<>();
        jdbc.query(
                """
                select floor(extract(epoch from occurred_at) / 60)::bigint * 60, count(*)
                from timeline_entry where tenant = ? and topic in (?, ?) and outcome = ? and occurred_at >= ?
                group by 1
                """,
                rs -> {
                    perMinute.put(Instant.ofEpochSecond(rs.getLong(1)), rs.getLong(2));
                },
                tenant,
                Topics.CRM_COMMAND_RESULTS.name(),
                Topics.CALENDAR_COMMAND_RESULTS.name(),
                "applied".equals(outcome) ? "ok" : "failed",
                Timestamp.from(now.minus(Duration.ofMinutes(COMMAND_MINUTES))));
        return Sparkline.of(MinuteSeries.fill(perMinute, now, COMMAND_MINUTES));
    }

    public record Overview(
            String tenant,
            Instant at,
            List<SourceRate> webhooks,
            Sparkline commandsApplied,
            Sparkline commandsFailed,
            List<ConnectionHealth> connections,
            List<DeadLetters.TopicCount> deadLetters,
            long deadLettersTotal,
            long activeRuns,
            ConsumerLagReader.Reading lag,
            List<AlertBook.Alert> alerts) {}

    public record SourceRate(String source, Sparkline perMinute) {}
}
