package io.slotbridge.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Component;

/**
 * One structured log line and one timer sample per webhook request. Neither ever contains a secret or the secret
 * path: the tenant comes from the path (sanitised, since unknown tenants are attacker-chosen), metric tags are only
 * source, outcome and status (no tenant: unknown tenants would explode the tag cardinality).
 */
@Component
public class HookObserver {

    static final String LOGGER = "io.slotbridge.gateway.requests";
    public static final String TIMER = "slotbridge.gateway.requests";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final MeterRegistry meters;

    /** Source × outcome is a small fixed set: look each timer up once, not on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public HookObserver(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Reasons may quote parts of a body: one line, bounded, no quotes that would break the key=value format. */
    static String oneLine(String reason) {
        if (reason == null) {
            return "";
        }
        String flat = reason.replaceAll("[\\p{Cntrl}\"]", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    public void record(HookAttempt attempt, HookOutcome outcome, int records, String reason) {
        long nanos = System.nanoTime() - attempt.startedNanos();
        timers.computeIfAbsent(attempt.source().name() + outcome.name(), key -> Timer.builder(TIMER)
                        .description("Webhook requests by source and outcome")
                        .tag("source", attempt.sourceTag())
                        .tag("outcome", outcome.tag())
                        .tag("status", Integer.toString(outcome.status().value()))
                        .register(meters))
                .record(Duration.ofNanos(nanos));
        boolean stored = outcome == HookOutcome.ACCEPTED || outcome == HookOutcome.DEAD_LETTERED;
        log.atLevel(stored ? Level.INFO : Level.WARN)
                .log(
                        "hook source={} tenant={} outcome={} status={} requestId={} bytes={} records={} durationMs={}{}",
                        attempt.sourceTag(),
                        attempt.tenantForLog(),
                        outcome.tag(),
                        outcome.status().value(),
                        attempt.providerRequestId(),
                        attempt.bytes(),
                        records,
                        nanos / 1_000_000,
                        reason == null ? "" : " reason=\"" + oneLine(reason) + "\"");
    }
}
