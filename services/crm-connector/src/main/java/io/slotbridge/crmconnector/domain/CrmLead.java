package io.slotbridge.crmconnector.domain;

import java.time.Instant;
import java.util.List;

/**
 * A lead (amoCRM lead, Bitrix24 deal or lead) as the CRM returns it: ids, not names.
 *
 * @param fields custom field values in the CRM's raw form
 * @param mainContactId the main contact's id, or null
 */
public record CrmLead(
        String id,
        String name,
        String pipelineId,
        String stageId,
        String lossReasonId,
        String responsibleUserId,
        String modifiedByUserId,
        Instant createdAt,
        Instant updatedAt,
        List<RawFieldValue> fields,
        String mainContactId) {

    public CrmLead {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * @param values the field's values; for options the option id is in {@code optionId}
     */
    public record RawFieldValue(String fieldId, List<RawValue> values) {
        public RawFieldValue {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record RawValue(String value, String optionId) {}
}
