package io.slotbridge.sync.app;

import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.LeadScoped;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.sync.DecisionRecorded;
import io.slotbridge.platform.kafka.PoisonMessageException;
import io.slotbridge.platform.outbox.InboxDeduplicator;
import io.slotbridge.platform.outbox.OutboxWriter;
import io.slotbridge.sync.config.TenantPolicies;
import io.slotbridge.sync.domain.Decider;
import io.slotbridge.sync.domain.Decision;
import io.slotbridge.sync.domain.MeetingState;
import io.slotbridge.sync.domain.Outcome;
import io.slotbridge.sync.domain.TenantPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides one input durably. In one transaction: inbox dedupe, lock and load the lead's state, decide, save the
 * state, append the commands, meeting events and the decision record to the outbox. The relay publishes after
 * commit, so a crash anywhere loses nothing, and a redelivered input finds its id in the inbox.
 */
public class LeadSync {

    /** The inbox consumer name: input ids are unique across the four input topics. */
    static final String CONSUMER = "sync";

    private static final Logger log = LoggerFactory.getLogger(LeadSync.class);

    private final MeetingStates states;
    private final TenantPolicies policies;
    private final Decider decider;
    private final InboxDeduplicator inbox;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SyncMetrics metrics;

    public LeadSync(
            MeetingStates states,
            TenantPolicies policies,
            Decider decider,
            InboxDeduplicator inbox,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            Clock clock,
            SyncMetrics metrics) {
        this.states = states;
        this.policies = policies;
        this.decider = decider;
        this.inbox = inbox;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Decides the input; empty when it is not the decider's business (e.g. a note) or was delivered before. */
    public Optional<Decision> process(Envelope input) {
        if (!Decider.decides(input)) {
            return Optional.empty();
        }
        TenantPolicy policy = policies.find(input.tenant())
                .orElseThrow(() -> new PoisonMessageException("tenant '" + input.tenant()
                        + "' is not in the tenants file (SLOTBRIDGE_TENANT_CONFIG) that sync reads"));
        String leadId = ((LeadScoped) input).leadId();
        String inputType = ContractTypes.typeName(input);
        Decision decision;
        try {
            decision = transactions.execute(tx -> {
                Instant now = clock.instant();
                if (!inbox.firstDelivery(CONSUMER, input.recordId())) {
                    outbox.append(Topics.SYNC_DECISIONS, duplicateRecord(input, leadId, inputType, now));
                    return null;
                }
                MeetingState state =
                        states.lock(input.tenant(), leadId).orElseGet(() -> MeetingState.empty(input.tenant(), leadId));
                Decision decided = decider.decide(state, input, policy, now);
                if (!decided.state().equals(state)) {
                    states.save(decided.state());
                }
                decided.calendarCommands().forEach(command -> outbox.append(Topics.CALENDAR_COMMANDS, command));
                decided.crmCommands().forEach(command -> outbox.append(Topics.CRM_COMMANDS, command));
                decided.events().forEach(event -> outbox.append(Topics.MEETING_EVENTS, event));
                DecisionRecorded record = record(input, leadId, inputType, decided, now);
                outbox.append(Topics.SYNC_DECISIONS, record);
                states.append(entry(record));
                return decided;
            });
        } catch (RuntimeException e) {
            // the platform's error handler retries quietly, then dead-letters; say at once why this lead is stuck
            log.warn(
                    "{}:{} {} {} could not be decided, will retry: {}",
                    input.tenant(),
                    leadId,
                    inputType,
                    input.recordId(),
                    e.getMessage());
            throw e;
        }
        if (decision == null) {
            metrics.duplicate();
            log.debug(
                    "{} {} of {}:{} was processed before; ignored",
                    inputType,
                    input.recordId(),
                    input.tenant(),
                    leadId);
            return Optional.empty();
        }
        metrics.decided(inputType, decision, Duration.between(input.recordTime(), clock.instant()));
        if (decision.outcome() == Outcome.APPLIED) {
            log.info(
                    "{}:{} {} {} -> rules {} sent {} command(s), {} event(s)",
                    input.tenant(),
                    leadId,
                    inputType,
                    input.recordId(),
                    decision.rules(),
                    decision.commandCount(),
                    decision.events().size());
        }
        return Optional.of(decision);
    }

    private static DecisionRecorded record(
            Envelope input, String leadId, String inputType, Decision decision, Instant now) {
        List<String> commandIds = new ArrayList<>();
        List<String> commandTypes = new ArrayList<>();
        decision.calendarCommands().forEach(c -> {
            commandIds.add(c.commandId());
            commandTypes.add(ContractTypes.typeName(c));
        });
        decision.crmCommands().forEach(c -> {
            commandIds.add(c.commandId());
            commandTypes.add(ContractTypes.typeName(c));
        });
        return new DecisionRecorded(
                MessageIds.deterministic(input.tenant(), leadId, "decision", input.recordId()),
                input.tenant(),
                leadId,
                now,
                inputType,
                input.recordId(),
                decision.rules(),
                commandIds,
                commandTypes,
                decision.events().stream().map(ContractTypes::typeName).toList(),
                decision.outcome().label(),
                decision.state().summary());
    }

    private static DecisionRecorded duplicateRecord(Envelope input, String leadId, String inputType, Instant now) {
        return new DecisionRecorded(
                MessageIds.deterministic(input.tenant(), leadId, "duplicate", input.recordId()),
                input.tenant(),
                leadId,
                now,
                inputType,
                input.recordId(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Outcome.DUPLICATE.label(),
                "redelivered input, already decided");
    }

    private static DecisionEntry entry(DecisionRecorded record) {
        return new DecisionEntry(
                record.tenant(),
                record.leadId(),
                record.occurredAt(),
                record.inputType(),
                record.inputId(),
                record.outcome(),
                record.rules(),
                record.commandTypes(),
                record.commandIds(),
                record.eventTypes(),
                record.stateAfter());
    }
}
