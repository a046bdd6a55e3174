package io.slotbridge.sync.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.sync.domain.Decision;
import io.slotbridge.sync.domain.Outcome;
import java.time.Duration;

/**
 * What operations watch: decisions by outcome and rule, commands and events sent, echoes suppressed, stale inputs
 * ignored, and how far behind the inputs are (lag from the input's time to its decision).
 */
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Counter echoSuppressed;
    private final Counter staleIgnored;
    private final Counter duplicates;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.echoSuppressed = Counter.builder("slotbridge.sync.echo.suppressed")
                .description("inputs that only showed our own writes")
                .register(registry);
        this.staleIgnored = Counter.builder("slotbridge.sync.stale.ignored")
                .description("snapshots older than what was already known")
                .register(registry);
        this.duplicates = Counter.builder("slotbridge.sync.duplicates")
                .description("redelivered inputs dropped by the inbox")
                .register(registry);
    }

    void decided(String inputType, Decision decision, Duration lag) {
        Counter.builder("slotbridge.sync.decisions")
                .tag("input", inputType)
                .tag("outcome", decision.outcome().label())
                .register(registry)
                .increment();
        decision.rules().forEach(rule -> Counter.builder("slotbridge.sync.rules.fired")
                .tag("rule", rule)
                .register(registry)
                .increment());
        decision.calendarCommands().forEach(this::commandSent);
        decision.crmCommands().forEach(this::commandSent);
        decision.events().forEach(event -> Counter.builder("slotbridge.sync.events.emitted")
                .tag("type", ContractTypes.typeName(event))
                .register(registry)
                .increment());
        if (decision.outcome() == Outcome.ECHO_SUPPRESSED) {
            echoSuppressed.increment();
        } else if (decision.outcome() == Outcome.STALE_IGNORED) {
            staleIgnored.increment();
        }
        if (!lag.isNegative()) {
            Timer.builder("slotbridge.sync.input.lag")
                    .description("time from the input's occurrence to its decision")
                    .tag("input", inputType)
                    .register(registry)
                    .record(lag);
        }
    }

    void duplicate() {
        duplicates.increment();
    }

    private void commandSent(Object command) {
        Counter.builder("slotbridge.sync.commands.emitted")
                .tag("type", ContractTypes.typeName(command))
                .register(registry)
                .increment();
    }
}
