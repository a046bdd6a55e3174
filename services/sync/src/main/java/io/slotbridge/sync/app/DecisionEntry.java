package io.slotbridge.sync.app;

import java.time.Instant;
import java.util.List;

/** One line of a lead's decision history (the same facts as the DecisionRecorded sent to the console). */
public record DecisionEntry(
        String tenant,
        String leadId,
        Instant decidedAt,
        String inputType,
        String inputId,
        String outcome,
        List<String> rules,
        List<String> commandTypes,
        List<String> commandIds,
        List<String> eventTypes,
        String stateAfter) {

    public DecisionEntry {
        rules = List.copyOf(rules);
        commandTypes = List.copyOf(commandTypes);
        commandIds = List.copyOf(commandIds);
        eventTypes = List.copyOf(eventTypes);
    }
}
