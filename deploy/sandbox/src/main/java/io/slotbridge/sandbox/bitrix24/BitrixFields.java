package io.slotbridge.sandbox.bitrix24;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dictionaries of a portal: deal field descriptions, stage lists (crm.status.list), pipelines (crm.category.list). */
final class BitrixFields {

    private BitrixFields() {}

    static Map<String, Object> dealFields(BitrixPortal portal) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", field("integer", "ID", true));
        fields.put("TITLE", field("string", "Название", false));
        fields.put("TYPE_ID", field("crm_status", "Тип", false));
        Map<String, Object> stage = field("crm_status", "Стадия сделки", false);
        stage.put("statusType", "DEAL_STAGE");
        fields.put("STAGE_ID", stage);
        fields.put("CATEGORY_ID", field("crm_category", "Воронка", false));
        fields.put("STAGE_SEMANTIC_ID", field("string", "Группа стадии", true));
        fields.put("CURRENCY_ID", field("crm_currency", "Валюта", false));
        fields.put("OPPORTUNITY", field("double", "Сумма", false));
        fields.put("CONTACT_ID", field("crm_contact", "Контакт", false));
        fields.put("ASSIGNED_BY_ID", field("user", "Ответственный", false));
        fields.put("CREATED_BY_ID", field("user", "Кем создана", true));
        fields.put("MODIFY_BY_ID", field("user", "Кем изменена", true));
        fields.put("DATE_CREATE", field("datetime", "Дата создания", true));
        fields.put("DATE_MODIFY", field("datetime", "Дата изменения", true));
        fields.put("CLOSED", field("char", "Закрыта", true));
        fields.put("COMMENTS", field("string", "Комментарий", false));
        for (BitrixPortal.UserField uf : portal.userFields()) {
            Map<String, Object> field = field(uf.type(), uf.name(), false);
            field.put("isDynamic", true);
            field.put("listLabel", uf.label());
            field.put("formLabel", uf.label());
            field.put("filterLabel", uf.label());
            if (!uf.items().isEmpty()) {
                List<Map<String, Object>> items = new ArrayList<>();
                uf.items().forEach((id, value) -> items.add(Map.of("ID", id, "VALUE", value)));
                field.put("items", items);
            }
            field.put("settings", Map.of());
            fields.put(uf.name(), field);
        }
        return fields;
    }

    private static Map<String, Object> field(String type, String title, boolean readOnly) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("type", type);
        field.put("isRequired", false);
        field.put("isReadOnly", readOnly);
        field.put("isImmutable", false);
        field.put("isMultiple", false);
        field.put("isDynamic", false);
        field.put("title", title);
        return field;
    }

    /** Stages as crm.status.list returns them; {@code filter[ENTITY_ID]} = DEAL_STAGE or DEAL_STAGE_{category}. */
    static List<Map<String, Object>> statuses(BitrixPortal portal, Map<String, Object> filter) {
        Object entityId = new BitrixParams(filter).get("ENTITY_ID");
        List<Map<String, Object>> rows = new ArrayList<>();
        int id = 1;
        for (BitrixPortal.Stage stage : portal.stages()) {
            String entity = stage.categoryId() == 0 ? "DEAL_STAGE" : "DEAL_STAGE_" + stage.categoryId();
            int rowId = id++;
            if (entityId != null && !entity.equals(String.valueOf(entityId))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ID", String.valueOf(rowId));
            row.put("ENTITY_ID", entity);
            row.put("STATUS_ID", stage.statusId());
            row.put("NAME", stage.name());
            row.put("NAME_INIT", stage.name());
            row.put("SORT", String.valueOf(stage.sort()));
            row.put("SYSTEM", "P".equals(stage.semantics()) ? "N" : "Y");
            row.put("CATEGORY_ID", String.valueOf(stage.categoryId()));
            row.put("COLOR", stage.color());
            row.put("SEMANTICS", "P".equals(stage.semantics()) ? null : stage.semantics());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put(
                    "SEMANTICS",
                    switch (stage.semantics()) {
                        case "S" -> "success";
                        case "F" -> "failure";
                        default -> "process";
                    });
            extra.put("COLOR", stage.color());
            row.put("EXTRA", extra);
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, Object>> categories(BitrixPortal portal) {
        return portal.categories().stream()
                .map(c -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", c.id());
                    row.put("name", c.name());
                    row.put("sort", c.sort());
                    row.put("entityTypeId", 2);
                    row.put("isDefault", c.isDefault() ? "Y" : "N");
                    return row;
                })
                .toList();
    }
}
