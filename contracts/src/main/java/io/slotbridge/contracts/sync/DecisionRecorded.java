package io.slotbridge.contracts.sync;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The decider processed one input.
 *
 * @param inputType logical type of the input record (e.g. {@code lead.snapshot})
 * @param inputId its event id
 * @param rules the rules that fired, e.g. {@code crm.booked->create-slot}; empty when nothing changed
 * @param commandIds ids of the commands emitted (CRM and calendar)
 * @param commandTypes their logical types, same order
 * @param eventTypes logical types of the meeting events emitted
 * @param outcome {@code applied}, {@code no-change}, {@code echo-suppressed}, {@code stale-ignored}, {@code duplicate}
 * @param stateAfter one-line summary of the meeting state after the decision
 */
@JsonTypeName("sync.decision-recorded")
public record DecisionRecorded(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String inputType,
        String inputId,
        List<String> rules,
        List<String> commandIds,
        List<String> commandTypes,
        List<String> eventTypes,
        String outcome,
        String stateAfter)
        implements SyncDecision {

    public DecisionRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(inputId, "inputId");
        Objects.requireNonNull(outcome, "outcome");
        rules = rules == null ? List.of() : List.copyOf(rules);
        commandIds = commandIds == null ? List.of() : List.copyOf(commandIds);
        commandTypes = commandTypes == null ? List.of() : List.copyOf(commandTypes);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
