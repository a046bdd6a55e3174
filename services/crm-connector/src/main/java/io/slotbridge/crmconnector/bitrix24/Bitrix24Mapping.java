package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.domain.CrmContact;
import io.slotbridge.crmconnector.domain.CrmLead;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.FieldType;
import io.slotbridge.crmconnector.domain.FieldWrite;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bitrix24's classic CRM shapes ({@code crm.deal.list}, {@code crm.deal.fields}, {@code crm.status.list},
 * {@code crm.category.list}, {@code crm.contact.get}, {@code user.get}) to the adapter-neutral model, and typed field
 * writes back to the values {@code crm.deal.update} takes. Ids stay strings; values arrive as PHP sends them (numbers
 * as strings, dates as ISO-8601 with the portal's offset, multiple values as arrays, nothing as null or "").
 */
final class Bitrix24Mapping {

    static final String USER_FIELD_PREFIX = "UF_CRM_";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Bitrix24Mapping() {}

    /** A deal or lead row; {@code lossReasonField} (may be null) is read as the loss reason, not as a field. */
    static CrmLead lead(JsonNode row, Bitrix24Entity entity, String lossReasonField) {
        List<CrmLead.RawFieldValue> fields = new ArrayList<>();
        String lossReason = null;
        Iterator<Map.Entry<String, JsonNode>> columns = row.fields();
        while (columns.hasNext()) {
            Map.Entry<String, JsonNode> column = columns.next();
            if (!column.getKey().startsWith(USER_FIELD_PREFIX)) {
                continue;
            }
            List<String> values = values(column.getValue());
            if (column.getKey().equals(lossReasonField)) {
                lossReason = values.isEmpty() ? null : values.get(0);
                continue;
            }
            List<CrmLead.RawValue> raw = new ArrayList<>();
            // enumeration values are the option ids; FieldCodec uses the id for selects and the value otherwise
            values.forEach(v -> raw.add(new CrmLead.RawValue(v, v)));
            if (!raw.isEmpty()) {
                fields.add(new CrmLead.RawFieldValue(column.getKey(), raw));
            }
        }
        String pipeline = entity == Bitrix24Entity.DEAL ? text(row, "CATEGORY_ID") : null;
        return new CrmLead(
                text(row, "ID"),
                text(row, "TITLE"),
                pipeline == null ? "0" : pipeline,
                text(row, entity.stageField),
                lossReason,
                text(row, "ASSIGNED_BY_ID"),
                text(row, "MODIFY_BY_ID"),
                instant(row, "DATE_CREATE"),
                instant(row, "DATE_MODIFY"),
                fields,
                id(text(row, "CONTACT_ID")));
    }

    static CrmContact contact(JsonNode row) {
        return new CrmContact(text(row, "ID"), fullName(row), multiField(row, "PHONE"), multiField(row, "EMAIL"), null);
    }

    static CrmMetadata.CrmUserInfo user(JsonNode row) {
        return new CrmMetadata.CrmUserInfo(text(row, "ID"), fullName(row), text(row, "EMAIL"));
    }

    /** NAME and LAST_NAME, or null when both are empty. */
    private static String fullName(JsonNode row) {
        String name = String.join(
                        " ",
                        java.util.stream.Stream.of(text(row, "NAME"), text(row, "LAST_NAME"))
                                .filter(s -> s != null && !s.isBlank())
                                .toList())
                .strip();
        return name.isEmpty() ? null : name;
    }

    /** {@code crm.status.list} rows of one pipeline, in their sort order. */
    static List<CrmMetadata.Stage> stages(JsonNode rows) {
        List<JsonNode> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort((a, b) ->
                Integer.compare(a.path("SORT").asInt(0), b.path("SORT").asInt(0)));
        List<CrmMetadata.Stage> stages = new ArrayList<>();
        for (JsonNode s : sorted) {
            stages.add(new CrmMetadata.Stage(text(s, "STATUS_ID"), text(s, "NAME"), semantic(s)));
        }
        return stages;
    }

    /** {@code EXTRA.SEMANTICS} (process/success/failure), else {@code SEMANTICS} (S/F, null while in progress). */
    static StageSemantic semantic(JsonNode status) {
        String extra = status.path("EXTRA").path("SEMANTICS").asText("");
        String plain = status.path("SEMANTICS").asText("");
        if (extra.equals("success") || plain.equals("S")) {
            return StageSemantic.WON;
        }
        if (extra.equals("failure") || extra.equals("apology") || plain.equals("F")) {
            return StageSemantic.LOST;
        }
        return StageSemantic.OPEN;
    }

    /** The user fields ({@code UF_CRM_*}) of a {@code crm.deal.fields} answer, named by their label. */
    static Map<String, CrmMetadata.CustomField> userFields(JsonNode fields) {
        Map<String, CrmMetadata.CustomField> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().startsWith(USER_FIELD_PREFIX)) {
                continue;
            }
            JsonNode f = entry.getValue();
            Map<String, String> options = new LinkedHashMap<>();
            f.path("items").forEach(i -> options.put(text(i, "ID"), text(i, "VALUE")));
            result.put(
                    entry.getKey(),
                    new CrmMetadata.CustomField(
                            entry.getKey(),
                            label(entry.getKey(), f),
                            fieldType(
                                    f.path("type").asText(""),
                                    f.path("isMultiple").asBoolean(false)),
                            options));
        }
        return result;
    }

    /** A user field's label: list, form or filter label (Bitrix24's {@code title} of a user field is its code). */
    static String label(String code, JsonNode field) {
        for (String key : List.of("listLabel", "formLabel", "filterLabel", "title")) {
            String label = field.path(key).asText("");
            if (!label.isBlank()) {
                return label;
            }
        }
        return code;
    }

    static FieldType fieldType(String type, boolean multiple) {
        return switch (type) {
            case "string", "url", "address" -> FieldType.TEXT;
            case "integer", "double", "money" -> FieldType.NUMBER;
            case "boolean" -> FieldType.CHECKBOX;
            case "date" -> FieldType.DATE;
            case "datetime" -> FieldType.DATE_TIME;
            case "enumeration", "iblock_element", "crm_status" -> multiple ? FieldType.MULTISELECT : FieldType.SELECT;
            default -> FieldType.OTHER;
        };
    }

    /** The value {@code crm.deal.update} takes for a typed write: option ids, ISO dates, Y/N never (1/0 for booleans). */
    static JsonNode value(FieldWrite write) {
        if (write instanceof FieldWrite.Options o) {
            if (o.optionIds().size() == 1) {
                return NODES.textNode(o.optionIds().get(0));
            }
            var array = NODES.arrayNode();
            o.optionIds().forEach(array::add);
            return array;
        } else if (write instanceof FieldWrite.DateTime dt) {
            return NODES.textNode(isoSeconds(dt.at()));
        } else if (write instanceof FieldWrite.Date d) {
            return NODES.textNode(d.date().toString());
        } else if (write instanceof FieldWrite.Number n) {
            return NODES.textNode(n.number().toPlainString());
        } else if (write instanceof FieldWrite.Flag f) {
            return NODES.textNode(f.value() ? "1" : "0");
        } else if (write instanceof FieldWrite.Text t) {
            return NODES.textNode(t.text());
        }
        return NODES.textNode(""); // Clear: Bitrix24 empties a field given an empty value
    }

    /** {@code fields[...]} of an update: the stage, the loss reason field, the user fields. */
    static ObjectNode updateFields(
            Bitrix24Entity entity,
            String stageId,
            String lossReasonField,
            String lossReasonId,
            Map<String, FieldWrite> writes) {
        ObjectNode fields = NODES.objectNode();
        if (stageId != null) {
            fields.put(entity.stageField, stageId);
        }
        if (lossReasonId != null && lossReasonField != null) {
            fields.put(lossReasonField, lossReasonId);
        }
        writes.values().forEach(w -> fields.set(w.fieldId(), value(w)));
        return fields;
    }

    /** ISO-8601 with the offset and always with seconds ({@code OffsetDateTime.toString} drops ":00"). */
    static String isoSeconds(OffsetDateTime at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static List<String> values(JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> values.addAll(values(v)));
        } else if (!value.isNull() && !value.isMissingNode() && !value.asText().isEmpty() && !value.isContainerNode()) {
            values.add(value.asText());
        }
        return values;
    }

    private static List<String> multiField(JsonNode row, String key) {
        List<String> values = new ArrayList<>();
        row.path(key).forEach(v -> {
            String value = text(v, "VALUE");
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        });
        return values;
    }

    /** "0" and "" mean "none" in Bitrix24 id columns. */
    private static String id(String value) {
        return value == null || value.isEmpty() || value.equals("0") ? null : value;
    }

    static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isNull() || value.isMissingNode() || value.isContainerNode() ? null : value.asText();
    }

    private static Instant instant(JsonNode row, String key) {
        String value = text(row, key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
