package io.slotbridge.sandbox.amocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.sandbox.amocrm.AmoModel.Contact;
import io.slotbridge.sandbox.amocrm.AmoModel.CustomField;
import io.slotbridge.sandbox.amocrm.AmoModel.FieldValue;
import io.slotbridge.sandbox.amocrm.AmoModel.FieldValues;
import io.slotbridge.sandbox.amocrm.AmoModel.Lead;
import io.slotbridge.sandbox.amocrm.AmoModel.LossReason;
import io.slotbridge.sandbox.amocrm.AmoModel.Note;
import io.slotbridge.sandbox.amocrm.AmoModel.Pipeline;
import io.slotbridge.sandbox.amocrm.AmoModel.Status;
import io.slotbridge.sandbox.amocrm.AmoModel.Task;
import io.slotbridge.sandbox.amocrm.AmoModel.User;
import io.slotbridge.sandbox.amocrm.AmoModel.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** amoCRM v4 resource shapes (HAL: {@code _links}, {@code _embedded}), as on the API reference pages. */
final class AmoJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String api;
    private final AmoAccount account;

    AmoJson(String baseUrl, AmoAccount account) {
        this.api = baseUrl + "/amocrm/" + account.subdomain + "/api/v4";
        this.account = account;
    }

    static Map<String, Object> links(String self) {
        return Map.of("self", Map.of("href", self));
    }

    String href(String path) {
        return api + path;
    }

    /** A list page: {@code _page}, {@code _links.self/next}, {@code _embedded.<name>}. */
    Map<String, Object> page(String name, String path, List<?> items, int page, boolean hasNext, String query) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Map.of("href", href(path) + "?" + pageQuery(query, page)));
        if (hasNext) {
            links.put("next", Map.of("href", href(path) + "?" + pageQuery(query, page + 1)));
        }
        if (page > 1) {
            links.put("prev", Map.of("href", href(path) + "?" + pageQuery(query, page - 1)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_page", page);
        body.put("_links", links);
        body.put("_embedded", Map.of(name, items));
        return body;
    }

    /** A complete collection (settings lists): {@code _total_items}, {@code _embedded.<name>}. */
    Map<String, Object> collection(String name, String path, List<?> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_total_items", items.size());
        body.put("_page", 1);
        body.put("_page_count", 1);
        body.put("_links", links(href(path)));
        body.put("_embedded", Map.of(name, items));
        return body;
    }

    /** The answer to a create/update: ids (with request_id for creates) under {@code _embedded.<name>}. */
    Map<String, Object> written(String name, String path, List<Long> ids, boolean created, Map<Long, Long> updatedAt) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", ids.get(i));
            if (created) {
                item.put("request_id", String.valueOf(i));
            } else if (updatedAt.containsKey(ids.get(i))) {
                item.put("updated_at", updatedAt.get(ids.get(i)));
            }
            item.put("_links", links(href(path + "/" + ids.get(i))));
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_links", links(href(path)));
        body.put("_embedded", Map.of(name, items));
        return body;
    }

    private static String pageQuery(String query, int page) {
        String rest = query == null
                ? ""
                : String.join(
                        "&",
                        java.util.Arrays.stream(query.split("&"))
                                .filter(p -> !p.startsWith("page=") && !p.isEmpty())
                                .toList());
        return "page=" + page + (rest.isEmpty() ? "" : "&" + rest);
    }

    Map<String, Object> lead(Lead lead, Set<String> with) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", lead.id);
        json.put("name", lead.name);
        json.put("price", lead.price);
        json.put("responsible_user_id", lead.responsibleUserId);
        json.put("group_id", 0);
        json.put("status_id", lead.statusId);
        json.put("pipeline_id", lead.pipelineId);
        json.put("loss_reason_id", lead.lossReasonId);
        json.put("created_by", lead.createdBy);
        json.put("updated_by", lead.updatedBy);
        json.put("created_at", lead.createdAt);
        json.put("updated_at", lead.updatedAt);
        json.put("closed_at", lead.closedAt);
        json.put("closest_task_at", null);
        json.put("is_deleted", lead.deleted);
        json.put("custom_fields_values", fieldValues(lead.customFields));
        json.put("score", null);
        json.put("account_id", account.accountId);
        json.put("labor_cost", null);
        json.put("_links", links(href("/leads/" + lead.id)));
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("tags", lead.tags.stream().map(t -> Map.of("name", t)).toList());
        embedded.put("companies", List.of());
        if (with.contains("contacts")) {
            List<Map<String, Object>> contacts = new ArrayList<>();
            boolean first = true;
            for (long contactId : lead.contactIds) {
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("id", contactId);
                contact.put("is_main", first);
                contact.put("_links", links(href("/contacts/" + contactId)));
                contacts.add(contact);
                first = false;
            }
            embedded.put("contacts", contacts);
        }
        if (with.contains("loss_reason") && lead.lossReasonId != null) {
            account.lossReason(lead.lossReasonId).ifPresent(r -> embedded.put("loss_reason", List.of(lossReason(r))));
        }
        json.put("_embedded", embedded);
        return json;
    }

    static List<Map<String, Object>> fieldValues(List<FieldValues> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (FieldValues fv : values) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("field_id", fv.field().id());
            field.put("field_name", fv.field().name());
            field.put("field_code", fv.field().code());
            field.put("field_type", fv.field().type());
            List<Map<String, Object>> entries = new ArrayList<>();
            for (FieldValue value : fv.values()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", value.value());
                if (value.enumId() != null) {
                    entry.put("enum_id", value.enumId());
                }
                if (value.enumCode() != null) {
                    entry.put("enum_code", value.enumCode());
                }
                entries.add(entry);
            }
            field.put("values", entries);
            result.add(field);
        }
        return result;
    }

    Map<String, Object> contact(Contact contact, Set<String> with) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", contact.id);
        json.put("name", contact.name);
        json.put("first_name", contact.firstName);
        json.put("last_name", contact.lastName);
        json.put("responsible_user_id", contact.responsibleUserId);
        json.put("group_id", 0);
        json.put("created_by", contact.createdBy);
        json.put("updated_by", contact.updatedBy);
        json.put("created_at", contact.createdAt);
        json.put("updated_at", contact.updatedAt);
        json.put("closest_task_at", null);
        json.put("is_deleted", false);
        json.put("is_unsorted", false);
        json.put("custom_fields_values", fieldValues(contact.customFields));
        json.put("account_id", account.accountId);
        json.put("_links", links(href("/contacts/" + contact.id)));
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("tags", List.of());
        embedded.put("companies", List.of());
        if (with.contains("leads")) {
            embedded.put(
                    "leads",
                    contact.leadIds.stream()
                            .map(id -> Map.of("id", id, "_links", links(href("/leads/" + id))))
                            .toList());
        }
        json.put("_embedded", embedded);
        return json;
    }

    Map<String, Object> pipeline(Pipeline pipeline) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", pipeline.id());
        json.put("name", pipeline.name());
        json.put("sort", pipeline.sort());
        json.put("is_main", pipeline.main());
        json.put("is_unsorted_on", true);
        json.put("is_archive", false);
        json.put("account_id", account.accountId);
        json.put("_links", links(href("/leads/pipelines/" + pipeline.id())));
        json.put(
                "_embedded",
                Map.of(
                        "statuses",
                        pipeline.statuses().stream()
                                .map(s -> status(pipeline, s))
                                .toList()));
        return json;
    }

    Map<String, Object> status(Pipeline pipeline, Status status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", status.id());
        json.put("name", status.name());
        json.put("sort", status.sort());
        json.put("is_editable", status.editable());
        json.put("pipeline_id", pipeline.id());
        json.put("color", status.color());
        json.put("type", status.type());
        json.put("account_id", account.accountId);
        json.put("_links", links(href("/leads/pipelines/" + pipeline.id() + "/statuses/" + status.id())));
        return json;
    }

    Map<String, Object> customField(CustomField field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", field.id());
        json.put("name", field.name());
        json.put("type", field.type());
        json.put("account_id", account.accountId);
        json.put("code", field.code());
        json.put("sort", field.sort());
        json.put("is_api_only", false);
        json.put(
                "enums",
                field.enums().isEmpty()
                        ? null
                        : field.enums().stream()
                                .map(e -> Map.of("id", e.id(), "value", e.value(), "sort", e.sort()))
                                .toList());
        json.put("group_id", null);
        json.put("required_statuses", List.of());
        json.put("is_deletable", field.code() == null);
        json.put("is_predefined", field.code() != null);
        json.put("entity_type", field.entityType());
        json.put("remind", null);
        json.put("triggers", List.of());
        json.put("currency", null);
        json.put("hidden_statuses", List.of());
        json.put("chained_lists", null);
        json.put("_links", links(href("/" + field.entityType() + "/custom_fields/" + field.id())));
        return json;
    }

    Map<String, Object> user(User user) {
        Map<String, Object> rights = new LinkedHashMap<>();
        rights.put("is_admin", user.admin());
        rights.put("is_free", false);
        rights.put("is_active", true);
        rights.put("group_id", null);
        rights.put("role_id", null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("name", user.name());
        json.put("email", user.email());
        json.put("lang", "ru");
        json.put("rights", rights);
        json.put("_links", links(href("/users/" + user.id())));
        return json;
    }

    Map<String, Object> lossReason(LossReason reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", reason.id());
        json.put("name", reason.name());
        json.put("sort", reason.sort());
        json.put("created_at", reason.createdAt());
        json.put("updated_at", reason.createdAt());
        json.put("_links", links(href("/leads/loss_reasons/" + reason.id())));
        return json;
    }

    Map<String, Object> note(Note note) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", note.id());
        json.put("entity_id", note.entityId());
        json.put("created_by", note.createdBy());
        json.put("updated_by", note.createdBy());
        json.put("created_at", note.createdAt());
        json.put("updated_at", note.createdAt());
        json.put("responsible_user_id", note.responsibleUserId());
        json.put("group_id", 0);
        json.put("note_type", note.noteType());
        json.put("params", note.params());
        json.put("account_id", account.accountId);
        json.put("_links", links(href("/leads/" + note.entityId() + "/notes/" + note.id())));
        return json;
    }

    Map<String, Object> task(Task task) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", task.id);
        json.put("created_by", task.createdBy);
        json.put("updated_by", task.updatedBy);
        json.put("created_at", task.createdAt);
        json.put("updated_at", task.updatedAt);
        json.put("responsible_user_id", task.responsibleUserId);
        json.put("group_id", 0);
        json.put("entity_id", task.entityId);
        json.put("entity_type", task.entityType);
        json.put("is_completed", task.completed);
        json.put("task_type_id", task.taskTypeId);
        json.put("text", task.text);
        json.put("duration", task.duration);
        json.put("complete_till", task.completeTill);
        json.put("result", task.resultText == null ? List.of() : Map.of("text", task.resultText));
        json.put("account_id", account.accountId);
        json.put("_links", links(href("/tasks/" + task.id)));
        return json;
    }

    Map<String, Object> webhook(Webhook webhook) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", webhook.id());
        json.put("destination", webhook.destination());
        json.put("created_at", webhook.createdAt());
        json.put("updated_at", webhook.createdAt());
        json.put("account_id", account.accountId);
        json.put("created_by", webhook.createdBy());
        json.put("sort", webhook.sort());
        json.put("disabled", false);
        json.put("settings", webhook.settings());
        return json;
    }
}
