package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lead card as a person reads it: stage and loss reason by name, custom fields by name (dates as instants).
 *
 * @param fields custom field values by field name; {@code date_time} fields as {@link Instant}, others as text
 */
public record AmoLead(
        long id,
        String name,
        String stage,
        String lossReason,
        String responsible,
        Map<String, Object> fields,
        long updatedAt)
        implements LeadCard {

    static AmoLead of(JsonNode lead, AmoMetadata meta) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonNode field : lead.path("custom_fields_values")) {
            String name = meta.fieldName(field.path("field_id").asLong());
            JsonNode value = field.path("values").path(0).path("value");
            fields.put(
                    name,
                    "date_time".equals(meta.fieldType(name)) ? Instant.ofEpochSecond(value.asLong()) : value.asText());
        }
        long status = lead.path("status_id").asLong();
        return new AmoLead(
                lead.path("id").asLong(),
                lead.path("name").asText(),
                meta.statusName(status),
                lead.path("loss_reason_id").isNull()
                        ? null
                        : meta.lossReasonName(lead.path("loss_reason_id").asLong()),
                meta.userName(lead.path("responsible_user_id").asLong()),
                fields,
                lead.path("updated_at").asLong());
    }

    @Override
    public Instant meetingTime() {
        return fields.get("Дата и время встречи") instanceof Instant time ? time : null;
    }

    public String field(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
