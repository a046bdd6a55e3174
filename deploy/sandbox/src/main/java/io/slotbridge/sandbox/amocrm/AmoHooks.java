package io.slotbridge.sandbox.amocrm;

import io.slotbridge.sandbox.amocrm.AmoModel.FieldValue;
import io.slotbridge.sandbox.amocrm.AmoModel.FieldValues;
import io.slotbridge.sandbox.amocrm.AmoModel.Lead;
import io.slotbridge.sandbox.amocrm.AmoModel.Note;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of amoCRM's account webhooks, as nested maps that {@link io.slotbridge.sandbox.core.PhpForm} flattens
 * to {@code leads[status][0][id]=…}. Field set and order follow the modern captures (contracts fixtures
 * {@code amocrm/lead-update-1.txt}, {@code status-change-2.txt}); date fields keep amoCRM's quirk of a bare
 * {@code values[0]=<unix time>} without {@code [value]}.
 */
final class AmoHooks {

    /** amoCRM v4 note types and the numeric codes its (legacy-shaped) note webhooks carry. */
    static final Map<String, Integer> NOTE_TYPES = Map.of(
            "common", 4,
            "call_in", 10,
            "call_out", 11,
            "service_message", 25,
            "extended_service_message", 26,
            "sms_in", 102,
            "sms_out", 103);

    private AmoHooks() {}

    /** The account block that modern webhooks put first. */
    static Map<String, Object> account(AmoAccount account, String baseUrl) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("subdomain", account.subdomain);
        block.put("id", account.accountId);
        block.put("_links", Map.of("self", baseUrl + "/amocrm/" + account.subdomain));
        return block;
    }

    /**
     * {@code leads[<action>][0][…]}; {@code before} (status and responsible events) adds the {@code old_…} fields.
     */
    static Map<String, Object> lead(String action, Lead lead, AmoAccount account, Lead before) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", lead.id);
        fields.put("name", lead.name);
        fields.put("status_id", lead.statusId);
        if ("status".equals(action) && before != null) {
            fields.put("old_status_id", before.statusId);
        }
        fields.put("price", lead.price);
        fields.put("responsible_user_id", lead.responsibleUserId);
        if ("responsible".equals(action) && before != null) {
            fields.put("old_responsible_user_id", before.responsibleUserId);
        }
        fields.put("last_modified", lead.updatedAt);
        fields.put("modified_user_id", lead.updatedBy);
        fields.put("created_user_id", lead.createdBy);
        fields.put("date_create", lead.createdAt);
        fields.put("pipeline_id", lead.pipelineId);
        if ("status".equals(action) && before != null) {
            fields.put("old_pipeline_id", before.pipelineId);
        }
        fields.put("account_id", account.accountId);
        if (lead.lossReasonId != null) {
            fields.put("loss_reason_id", lead.lossReasonId);
        }
        List<Map<String, Object>> customFields = customFields(lead.customFields);
        if (!customFields.isEmpty()) {
            fields.put("custom_fields", customFields);
        }
        fields.put("created_at", lead.createdAt);
        fields.put("updated_at", lead.updatedAt);
        return Map.of("leads", Map.of(action, List.of(fields)));
    }

    private static List<Map<String, Object>> customFields(List<FieldValues> values) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (FieldValues fv : values) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("id", fv.field().id());
            field.put("name", fv.field().name());
            if (fv.field().code() != null) {
                field.put("code", fv.field().code());
            }
            List<Object> entries = new ArrayList<>();
            for (FieldValue value : fv.values()) {
                if (value.value() instanceof Long seconds) {
                    entries.add(seconds);
                } else {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("value", value.value());
                    if (value.enumId() != null) {
                        entry.put("enum", value.enumId());
                    }
                    entries.add(entry);
                }
            }
            field.put("values", entries);
            result.add(field);
        }
        return result;
    }

    /** {@code leads[note][0][note][…]} in the legacy note shape amoCRM still posts. */
    static Map<String, Object> note(Note note, AmoAccount account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", note.id());
        body.put("note_type", NOTE_TYPES.get(note.noteType()));
        body.put("element_id", note.entityId());
        body.put("element_type", 2);
        Object text = note.params().get("text");
        if (text != null) {
            body.put("text", text);
        }
        body.put("date_create", note.createdAt());
        body.put("last_modified", note.createdAt());
        body.put("created_by", note.createdBy());
        body.put("responsible_user_id", note.responsibleUserId());
        body.put("account_id", account.accountId);
        return Map.of("leads", Map.of("note", List.of(Map.of("note", body))));
    }
}
