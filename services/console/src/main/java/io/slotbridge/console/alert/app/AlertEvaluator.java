package io.slotbridge.console.alert.app;

import io.slotbridge.console.alert.AlertProperties;
import io.slotbridge.console.alert.domain.AlertCandidate;
import io.slotbridge.console.alert.domain.AlertInputs;
import io.slotbridge.console.alert.domain.AlertRules;
import io.slotbridge.console.alert.domain.Notice;
import io.slotbridge.console.connection.app.ConnectionStatuses;
import io.slotbridge.console.deadletter.app.DeadLetters;
import io.slotbridge.console.overview.app.ConsumerLagReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the alert rules periodically. One console replica evaluates at a time (a transaction-scoped advisory lock
 * held through delivery), so replicas never send the same alert twice.
 */
@Component
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final long LOCK = "slotbridge-console-alerts".hashCode();

    private final AlertProperties properties;
    private final AlertRules rules;
    private final AlertBook book;
    private final AlertNotifier notifier;
    private final DeadLetters deadLetters;
    private final ConnectionStatuses connections;
    private final ConsumerLagReader lag;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AlertEvaluator(
            AlertProperties properties,
            AlertBook book,
            AlertNotifier notifier,
            DeadLetters deadLetters,
            ConnectionStatuses connections,
            ConsumerLagReader lag,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            Clock clock) {
        this.properties = properties;
        this.rules = new AlertRules(properties.thresholds());
        this.book = book;
        this.notifier = notifier;
        this.deadLetters = deadLetters;
        this.connections = connections;
        this.lag = lag;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${slotbridge.console.alerts.evaluate-every:1m}",
            fixedDelayString = "${slotbridge.console.alerts.evaluate-every:1m}")
    public void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("alert evaluation failed, next round will retry: {}", e.toString());
        }
    }

    /** One round: evaluate, reconcile, notify. Returns the notices that were due. */
    public List<Notice> evaluate() {
        Instant now = clock.instant();
        AlertInputs inputs = inputs(now);
        List<AlertCandidate> holding = rules.evaluate(inputs, now);
        return transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return List.of();
            }
            List<Notice> due = book.reconcile(holding, now, properties.repeatEvery());
            notifier.deliver(due, now);
            return due;
        });
    }

    private AlertInputs inputs(Instant now) {
        ConsumerLagReader.Reading reading = lag.read();
        return new AlertInputs(
                deadLetters.arrivedSince(now.minus(properties.deadLetterWindow())).stream()
                        .map(a ->
                                new AlertInputs.DeadLetterArrivals(a.tenant(), a.topic(), a.count(), a.newestReason()))
                        .toList(),
                connections.all(),
                reading.groups().stream()
                        .map(g -> new AlertInputs.GroupLag(g.group(), g.lag(), g.worstTopic()))
                        .toList(),
                reading.problem());
    }
}
