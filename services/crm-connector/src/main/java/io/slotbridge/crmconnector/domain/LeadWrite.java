package io.slotbridge.crmconnector.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change our commands make to one lead, merged into one write (a later command wins on the same attribute), so
 * a batch sends each lead once.
 */
public record LeadWrite(
        String leadId,
        String pipelineId,
        String stageId,
        String lossReasonId,
        Map<String, FieldWrite> fields,
        List<String> commandIds) {

    public LeadWrite {
        fields = Map.copyOf(fields);
        commandIds = List.copyOf(commandIds);
    }

    /** Merges lead changes in command order; leads keep the order of their first command. */
    public static List<LeadWrite> coalesce(List<Plan.LeadChange> changes) {
        Map<String, Builder> byLead = new LinkedHashMap<>();
        for (Plan.LeadChange change : changes) {
            Builder b = byLead.computeIfAbsent(change.command().leadId(), Builder::new);
            if (change.stageId() != null) {
                b.pipelineId = change.pipelineId();
                b.stageId = change.stageId();
                // a move after a close-lost takes the lead out of "lost": its loss reason no longer applies
                b.lossReasonId = change.lossReasonId();
            } else if (change.lossReasonId() != null) {
                b.lossReasonId = change.lossReasonId();
            }
            change.fields().forEach(f -> b.fields.put(f.fieldId(), f));
            b.commandIds.add(change.command().commandId());
        }
        return byLead.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        private final String leadId;
        private String pipelineId;
        private String stageId;
        private String lossReasonId;
        private final Map<String, FieldWrite> fields = new LinkedHashMap<>();
        private final List<String> commandIds = new ArrayList<>();

        Builder(String leadId) {
            this.leadId = leadId;
        }

        LeadWrite build() {
            return new LeadWrite(leadId, pipelineId, stageId, lossReasonId, fields, commandIds);
        }
    }
}
