package io.slotbridge.console.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.slotbridge.console.alert.app.AlertBook;
import io.slotbridge.console.connection.app.ConnectionStatuses;
import io.slotbridge.console.connection.domain.ConnectionHealth;
import io.slotbridge.console.overview.app.ConsumerLagReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the console knows, as Prometheus gauges for teams that watch Grafana (deploy/observability): unhandled dead
 * letters, consumer lag, open alerts, and each connection's request budget, 429/403 counts and expiries. Refreshed
 * on a schedule, so a scrape never waits for the database or Kafka.
 */
@Component
class ConsoleMetrics {

    private static final Logger log = LoggerFactory.getLogger(ConsoleMetrics.class);

    private final ConsumerLagReader lag;
    private final AlertBook alerts;
    private final ConnectionStatuses connections;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge unhandled;
    private final MultiGauge groupLag;
    private final MultiGauge openAlerts;
    private final MultiGauge requests;
    private final MultiGauge throttled;
    private final MultiGauge blocked;
    private final MultiGauge tokenExpiry;
    private final MultiGauge channelExpiry;
    private final MultiGauge activeRuns;

    ConsoleMetrics(
            MeterRegistry meters,
            ConsumerLagReader lag,
            AlertBook alerts,
            ConnectionStatuses connections,
            JdbcTemplate jdbc,
            Clock clock) {
        this.lag = lag;
        this.alerts = alerts;
        this.connections = connections;
        this.jdbc = jdbc;
        this.clock = clock;
        this.unhandled = gauge(meters, "slotbridge.console.dead.letters.unhandled", "dead letters nobody has handled");
        this.groupLag = gauge(meters, "slotbridge.console.consumer.lag", "records a consumer group is behind");
        this.openAlerts = gauge(meters, "slotbridge.console.alerts.open", "open alerts");
        this.requests = gauge(meters, "slotbridge.console.connection.requests", "API calls in the last minute");
        this.throttled = gauge(meters, "slotbridge.console.connection.throttled", "429 answers in the last minute");
        this.blocked = gauge(meters, "slotbridge.console.connection.blocked", "403 block answers in the last minute");
        this.tokenExpiry =
                gauge(meters, "slotbridge.console.connection.token.expiry", "seconds until the token expires");
        this.channelExpiry = gauge(
                meters, "slotbridge.console.connection.channel.expiry", "seconds until the watch channel expires");
        this.activeRuns = gauge(meters, "slotbridge.console.followup.runs.active", "active follow-up runs");
    }

    private static MultiGauge gauge(MeterRegistry meters, String name, String description) {
        return MultiGauge.builder(name).description(description).register(meters);
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${slotbridge.console.metrics-refresh:15s}")
    void refresh() {
        try {
            Instant now = clock.instant();
            unhandled.register(
                    jdbc.query(
                            "select tenant, original_topic, count(*) from dead_letter where state = 'new'"
                                    + " group by 1, 2",
                            (rs, i) -> MultiGauge.Row.of(
                                    Tags.of("tenant", rs.getString(1), "topic", rs.getString(2)), rs.getLong(3))),
                    true);
            groupLag.register(
                    lag.read().groups().stream()
                            .map(g -> MultiGauge.Row.of(Tags.of("group", g.group()), g.lag()))
                            .collect(Collectors.toList()),
                    true);
            openAlerts.register(
                    alerts.open().stream()
                            .collect(Collectors.groupingBy(
                                    a -> a.severity().name().toLowerCase(java.util.Locale.ROOT), Collectors.counting()))
                            .entrySet()
                            .stream()
                            .map(e -> MultiGauge.Row.of(Tags.of("severity", e.getKey()), e.getValue()))
                            .collect(Collectors.toList()),
                    true);
            List<ConnectionHealth> all = connections.all();
            requests.register(rows(all, ConnectionHealth::requestsLastMinute), true);
            throttled.register(rows(all, ConnectionHealth::throttledLastMinute), true);
            blocked.register(rows(all, ConnectionHealth::blockedLastMinute), true);
            tokenExpiry.register(rows(all, c -> secondsUntil(c.tokenExpiresAt(), now)), true);
            channelExpiry.register(rows(all, c -> secondsUntil(c.channelExpiresAt(), now)), true);
            activeRuns.register(
                    jdbc.query(
                            "select tenant, count(*) from followup_run where state = 'active' group by 1",
                            (rs, i) -> MultiGauge.Row.of(Tags.of("tenant", rs.getString(1)), rs.getLong(2))),
                    true);
        } catch (RuntimeException e) {
            log.warn("console metrics not refreshed: {}", e.toString());
        }
    }

    private static List<MultiGauge.Row<?>> rows(List<ConnectionHealth> all, Function<ConnectionHealth, Long> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ConnectionHealth c : all) {
            Long v = value.apply(c);
            if (v != null) {
                rows.add(MultiGauge.Row.of(Tags.of("tenant", c.tenant(), "connection", c.connection()), v));
            }
        }
        return rows;
    }

    private static Long secondsUntil(Instant instant, Instant now) {
        return instant == null ? null : Duration.between(now, instant).toSeconds();
    }
}
