package io.slotbridge.crmconnector.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.NoteKind;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.app.Chunks;
import io.slotbridge.crmconnector.app.CrmApi;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.domain.CrmContact;
import io.slotbridge.crmconnector.domain.CrmLead;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.CrmNote;
import io.slotbridge.crmconnector.domain.FieldType;
import io.slotbridge.crmconnector.domain.FieldWrite;
import io.slotbridge.crmconnector.domain.LeadWrite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * amoCRM API v4 behind the {@link CrmApi} port. Reads use {@code filter[id][]} batches and page through lists while
 * {@code _links.next} is present (204 = empty); writes are JSON arrays ({@code PATCH /api/v4/leads},
 * {@code POST /api/v4/leads/notes}, {@code POST /api/v4/tasks}); won/lost moves carry {@code pipeline_id}.
 */
final class AmoCrmClient implements CrmApi {

    static final String WON_STATUS = "142";
    static final String LOST_STATUS = "143";
    static final int CALL_TASK_TYPE = 1;

    private final AmoCrmHttp http;
    private final ObjectMapper json;
    private final int readBatch;
    private final int writeBatch;
    private final Clock clock;
    private final DistributionSummary writeBatchSizes;

    AmoCrmClient(
            AmoCrmHttp http,
            ObjectMapper json,
            int readBatch,
            int writeBatch,
            Clock clock,
            MeterRegistry meters,
            String tenant) {
        this.http = http;
        this.json = json;
        this.readBatch = readBatch;
        this.writeBatch = writeBatch;
        this.clock = clock;
        this.writeBatchSizes = DistributionSummary.builder("slotbridge.crm.write.batch.size")
                .tag("tenant", tenant)
                .tag("crm", "amocrm")
                .register(meters);
    }

    @Override
    public CrmKind kind() {
        return CrmKind.AMOCRM;
    }

    // ---- metadata

    @Override
    public CrmMetadata readMetadata() {
        List<CrmMetadata.Pipeline> pipelines = new ArrayList<>();
        JsonNode root = http.call("leads.pipelines", "GET", "/api/v4/leads/pipelines", null);
        for (JsonNode p : root.path("_embedded").path("pipelines")) {
            List<CrmMetadata.Stage> stages = new ArrayList<>();
            for (JsonNode s : p.path("_embedded").path("statuses")) {
                String id = s.path("id").asText();
                stages.add(new CrmMetadata.Stage(id, s.path("name").asText(), semantic(id)));
            }
            pipelines.add(new CrmMetadata.Pipeline(
                    p.path("id").asText(), p.path("name").asText(), stages));
        }
        Map<String, CrmMetadata.CustomField> fields = new LinkedHashMap<>();
        pages("leads.custom_fields", "/api/v4/leads/custom_fields?limit=250", "custom_fields", page -> {
            for (JsonNode f : page) {
                Map<String, String> options = new LinkedHashMap<>();
                for (JsonNode e : f.path("enums")) {
                    options.put(e.path("id").asText(), e.path("value").asText());
                }
                String id = f.path("id").asText();
                fields.put(
                        id,
                        new CrmMetadata.CustomField(
                                id,
                                f.path("name").asText(),
                                fieldType(f.path("type").asText()),
                                options));
            }
        });
        Map<String, CrmMetadata.CrmUserInfo> users = new LinkedHashMap<>();
        pages("users", "/api/v4/users?limit=250", "users", page -> {
            for (JsonNode u : page) {
                String id = u.path("id").asText();
                users.put(
                        id,
                        new CrmMetadata.CrmUserInfo(
                                id, u.path("name").asText(null), u.path("email").asText(null)));
            }
        });
        Map<String, String> lossReasons = new LinkedHashMap<>();
        pages("leads.loss_reasons", "/api/v4/leads/loss_reasons?limit=250", "loss_reasons", page -> {
            for (JsonNode r : page) {
                lossReasons.put(r.path("id").asText(), r.path("name").asText());
            }
        });
        return new CrmMetadata(pipelines, fields, users, lossReasons, clock.instant());
    }

    static StageSemantic semantic(String statusId) {
        return switch (statusId) {
            case WON_STATUS -> StageSemantic.WON;
            case LOST_STATUS -> StageSemantic.LOST;
            default -> StageSemantic.OPEN;
        };
    }

    static FieldType fieldType(String amoType) {
        return switch (amoType) {
            case "text", "textarea", "url", "streetaddress", "multitext" -> FieldType.TEXT;
            case "numeric", "price", "monetary" -> FieldType.NUMBER;
            case "checkbox" -> FieldType.CHECKBOX;
            case "date", "birthday" -> FieldType.DATE;
            case "date_time" -> FieldType.DATE_TIME;
            case "select", "radiobutton", "category" -> FieldType.SELECT;
            case "multiselect" -> FieldType.MULTISELECT;
            default -> FieldType.OTHER;
        };
    }

    // ---- reads

    @Override
    public List<CrmLead> leadsByIds(Collection<String> ids) {
        List<CrmLead> leads = new ArrayList<>();
        for (List<String> chunk : Chunks.of(List.copyOf(ids), readBatch)) {
            JsonNode root = http.call(
                    "leads.list", "GET", "/api/v4/leads?with=contacts&limit=" + readBatch + idFilter(chunk), null);
            root.path("_embedded").path("leads").forEach(l -> leads.add(lead(l)));
        }
        return leads;
    }

    @Override
    public void leadsUpdatedSince(Instant since, Consumer<List<CrmLead>> page) {
        String query = "/api/v4/leads?with=contacts&limit=" + readBatch + "&" + encode("filter[updated_at][from]") + "="
                + since.getEpochSecond() + "&" + encode("order[updated_at]") + "=asc";
        pages("leads.list", query, "leads", nodes -> {
            List<CrmLead> leads = new ArrayList<>();
            nodes.forEach(l -> leads.add(lead(l)));
            page.accept(leads);
        });
    }

    @Override
    public List<CrmContact> contactsByIds(Collection<String> ids) {
        List<CrmContact> contacts = new ArrayList<>();
        for (List<String> chunk : Chunks.of(List.copyOf(ids), readBatch)) {
            JsonNode root =
                    http.call("contacts.list", "GET", "/api/v4/contacts?limit=" + readBatch + idFilter(chunk), null);
            root.path("_embedded").path("contacts").forEach(c -> contacts.add(contact(c)));
        }
        return contacts;
    }

    @Override
    public List<String> leadIdsOf(String entity, String entityId) {
        try {
            if (entity.equals("contact")) {
                JsonNode c =
                        http.call("contacts.get", "GET", "/api/v4/contacts/" + numeric(entityId) + "?with=leads", null);
                List<String> ids = new ArrayList<>();
                c.path("_embedded")
                        .path("leads")
                        .forEach(l -> ids.add(l.path("id").asText()));
                return ids;
            }
            if (entity.equals("task")) {
                JsonNode t = http.call("tasks.get", "GET", "/api/v4/tasks/" + numeric(entityId), null);
                return t.path("entity_type").asText().equals("leads") && t.hasNonNull("entity_id")
                        ? List.of(t.path("entity_id").asText())
                        : List.of();
            }
        } catch (CrmApiException e) {
            if (e.code() == RejectionCode.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
        return List.of();
    }

    @Override
    public List<CrmNote> notesByIds(Collection<String> noteIds) {
        List<CrmNote> notes = new ArrayList<>();
        for (List<String> chunk : Chunks.of(List.copyOf(noteIds), readBatch)) {
            JsonNode root = http.call(
                    "leads.notes.list", "GET", "/api/v4/leads/notes?limit=" + readBatch + idFilter(chunk), null);
            root.path("_embedded").path("notes").forEach(n -> notes.add(note(n)));
        }
        return notes;
    }

    // ---- writes

    @Override
    public int maxWriteBatch() {
        return writeBatch;
    }

    @Override
    public List<ItemOutcome> updateLeads(List<LeadWrite> writes) {
        List<Object> items = new ArrayList<>();
        for (LeadWrite write : writes) {
            items.add(build(() -> leadPatch(write)));
        }
        return sendBatch("leads.patch", "PATCH", "/api/v4/leads", items, "leads");
    }

    @Override
    public List<ItemOutcome> addNotes(List<NewNote> notes) {
        List<Object> items = new ArrayList<>();
        for (NewNote note : notes) {
            items.add(build(() -> {
                ObjectNode item = json.createObjectNode();
                item.put("entity_id", numeric(note.leadId()));
                item.put("note_type", "common");
                item.putObject("params").put("text", note.text());
                return item;
            }));
        }
        return sendBatch("leads.notes.add", "POST", "/api/v4/leads/notes", items, "notes");
    }

    @Override
    public List<ItemOutcome> addCallTasks(List<NewCallTask> tasks) {
        List<Object> items = new ArrayList<>();
        for (NewCallTask task : tasks) {
            items.add(build(() -> {
                ObjectNode item = json.createObjectNode();
                item.put("text", task.text());
                item.put("complete_till", task.dueAt().getEpochSecond());
                item.put("task_type_id", CALL_TASK_TYPE);
                item.put("entity_id", numeric(task.leadId()));
                item.put("entity_type", "leads");
                if (task.responsibleUserId() != null) {
                    item.put("responsible_user_id", numeric(task.responsibleUserId()));
                }
                return item;
            }));
        }
        return sendBatch("tasks.add", "POST", "/api/v4/tasks", items, "tasks");
    }

    /**
     * Sends one batch; a 400 with per-item validation errors rejects those items and sends the rest once more, so one
     * bad command does not sink its neighbours.
     */
    private List<ItemOutcome> sendBatch(
            String endpoint, String method, String path, List<Object> items, String embedded) {
        if (items.size() > writeBatch) {
            throw new IllegalArgumentException(items.size() + " items exceed the write batch of " + writeBatch);
        }
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof CrmApiException unusable) {
                outcomes[i] = ItemOutcome.failed(unusable);
            } else {
                pending.add(i);
            }
        }
        for (int round = 0; round < 2 && !pending.isEmpty(); round++) {
            ArrayNode body = json.createArrayNode();
            for (int i = 0; i < pending.size(); i++) {
                ObjectNode item = ((ObjectNode) items.get(pending.get(i))).deepCopy();
                item.put("request_id", String.valueOf(i));
                body.add(item);
            }
            writeBatchSizes.record(pending.size());
            try {
                JsonNode root = http.call(endpoint, method, path, body);
                Map<String, String> created = createdIds(root.path("_embedded").path(embedded));
                for (int i = 0; i < pending.size(); i++) {
                    String id = created.getOrDefault(String.valueOf(i), created.get("#" + i));
                    outcomes[pending.get(i)] = ItemOutcome.ok(id);
                }
                pending = List.of();
            } catch (AmoCrmHttp.InvalidRequest invalid) {
                if (invalid.itemErrors.isEmpty() || round == 1) {
                    for (int index : pending) {
                        outcomes[index] = ItemOutcome.failed(invalid);
                    }
                    pending = List.of();
                    continue;
                }
                List<Integer> retry = new ArrayList<>();
                Map<String, String> reasons = new HashMap<>();
                invalid.itemErrors.forEach(e -> reasons.merge(e.requestId(), e.reason(), (a, b) -> a + "; " + b));
                for (int i = 0; i < pending.size(); i++) {
                    String reason = reasons.get(String.valueOf(i));
                    if (reason != null) {
                        outcomes[pending.get(i)] = ItemOutcome.failed(new CrmApiException(
                                RejectionCode.INVALID,
                                "amoCRM rejected the item: " + reason,
                                false,
                                invalid.httpStatus()));
                    } else {
                        retry.add(pending.get(i));
                    }
                }
                pending = retry;
            }
        }
        return List.of(outcomes);
    }

    /** The item, or the reason it cannot be sent (e.g. an id amoCRM cannot have). */
    private static Object build(java.util.function.Supplier<ObjectNode> item) {
        try {
            return item.get();
        } catch (CrmApiException unusable) {
            return unusable;
        }
    }

    private static Map<String, String> createdIds(JsonNode created) {
        Map<String, String> ids = new HashMap<>();
        int position = 0;
        for (JsonNode node : created) {
            String id = node.path("id").asText(null);
            if (node.hasNonNull("request_id")) {
                ids.put(node.path("request_id").asText(), id);
            }
            ids.put("#" + position++, id);
        }
        return ids;
    }

    private ObjectNode leadPatch(LeadWrite write) {
        ObjectNode item = json.createObjectNode();
        item.put("id", numeric(write.leadId()));
        if (write.stageId() != null) {
            item.put("status_id", numeric(write.stageId()));
            // 142/143 exist in every pipeline, so amoCRM needs the pipeline with them; we always send it
            if (write.pipelineId() != null) {
                item.put("pipeline_id", numeric(write.pipelineId()));
            }
        }
        if (write.lossReasonId() != null) {
            item.put("loss_reason_id", numeric(write.lossReasonId()));
        }
        if (!write.fields().isEmpty()) {
            ArrayNode values = item.putArray("custom_fields_values");
            write.fields().values().forEach(f -> values.add(fieldValue(f)));
        }
        return item;
    }

    private ObjectNode fieldValue(FieldWrite write) {
        ObjectNode node = json.createObjectNode();
        node.put("field_id", numeric(write.fieldId()));
        if (write instanceof FieldWrite.Clear) {
            node.putNull("values");
            return node;
        }
        ArrayNode values = node.putArray("values");
        if (write instanceof FieldWrite.Options o) {
            o.optionIds().forEach(id -> values.addObject().put("enum_id", numeric(id)));
        } else if (write instanceof FieldWrite.DateTime dt) {
            values.addObject().put("value", dt.at().toEpochSecond());
        } else if (write instanceof FieldWrite.Date d) {
            values.addObject().put("value", d.startOfDay().toEpochSecond());
        } else if (write instanceof FieldWrite.Number n) {
            values.addObject().put("value", n.number());
        } else if (write instanceof FieldWrite.Flag f) {
            values.addObject().put("value", f.value());
        } else if (write instanceof FieldWrite.Text t) {
            values.addObject().put("value", t.text());
        }
        return node;
    }

    // ---- webhooks

    @Override
    public List<Webhook> webhooks() {
        List<Webhook> hooks = new ArrayList<>();
        pages(
                "webhooks.list",
                "/api/v4/webhooks?limit=250",
                "webhooks",
                page -> page.forEach(h -> hooks.add(webhook(h))));
        return hooks;
    }

    @Override
    public Webhook installWebhook(String destination, List<String> events) {
        ObjectNode body = json.createObjectNode();
        body.put("destination", destination);
        ArrayNode settings = body.putArray("settings");
        events.forEach(settings::add);
        body.put("sort", 10);
        return webhook(http.call("webhooks.add", "POST", "/api/v4/webhooks", body));
    }

    @Override
    public void removeWebhook(String destination) {
        ObjectNode body = json.createObjectNode();
        body.put("destination", destination);
        http.call("webhooks.delete", "DELETE", "/api/v4/webhooks", body);
    }

    private static Webhook webhook(JsonNode h) {
        List<String> settings = new ArrayList<>();
        h.path("settings").forEach(s -> settings.add(s.asText()));
        return new Webhook(
                h.path("id").asText(null),
                h.path("destination").asText(),
                settings,
                h.path("disabled").asBoolean(false));
    }

    // ---- mapping

    private static CrmLead lead(JsonNode l) {
        List<CrmLead.RawFieldValue> fields = new ArrayList<>();
        for (JsonNode f : l.path("custom_fields_values")) {
            List<CrmLead.RawValue> values = new ArrayList<>();
            for (JsonNode v : f.path("values")) {
                values.add(new CrmLead.RawValue(
                        v.hasNonNull("value") ? v.path("value").asText() : null,
                        v.hasNonNull("enum_id") ? v.path("enum_id").asText() : null));
            }
            fields.add(new CrmLead.RawFieldValue(f.path("field_id").asText(), values));
        }
        String mainContact = null;
        for (JsonNode c : l.path("_embedded").path("contacts")) {
            if (mainContact == null || c.path("is_main").asBoolean(false)) {
                mainContact = c.path("id").asText();
                if (c.path("is_main").asBoolean(false)) {
                    break;
                }
            }
        }
        return new CrmLead(
                l.path("id").asText(),
                l.path("name").asText(null),
                l.path("pipeline_id").asText(null),
                l.path("status_id").asText(null),
                l.hasNonNull("loss_reason_id") && l.path("loss_reason_id").asLong() != 0
                        ? l.path("loss_reason_id").asText()
                        : null,
                text(l, "responsible_user_id"),
                text(l, "updated_by"),
                epoch(l, "created_at"),
                epoch(l, "updated_at"),
                fields,
                mainContact);
    }

    private static CrmContact contact(JsonNode c) {
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (JsonNode f : c.path("custom_fields_values")) {
            String code = f.path("field_code").asText("");
            for (JsonNode v : f.path("values")) {
                if (code.equals("PHONE")) {
                    phones.add(v.path("value").asText());
                } else if (code.equals("EMAIL")) {
                    emails.add(v.path("value").asText());
                }
            }
        }
        List<String> leads = new ArrayList<>();
        c.path("_embedded").path("leads").forEach(l -> leads.add(l.path("id").asText()));
        return new CrmContact(c.path("id").asText(), c.path("name").asText(null), phones, emails, leads);
    }

    private static CrmNote note(JsonNode n) {
        String type = n.path("note_type").asText("");
        NoteKind kind =
                switch (type) {
                    case "common" -> NoteKind.COMMON;
                    case "call_in" -> NoteKind.CALL_IN;
                    case "call_out" -> NoteKind.CALL_OUT;
                    case "service_message", "extended_service_message" -> NoteKind.SERVICE;
                    default -> NoteKind.OTHER;
                };
        JsonNode params = n.path("params");
        Integer duration = kind.isCall() && params.hasNonNull("duration")
                ? params.path("duration").asInt()
                : null;
        return new CrmNote(
                n.path("id").asText(),
                n.path("entity_id").asText(),
                kind,
                params.path("text").asText(null),
                duration,
                text(n, "created_by"),
                epoch(n, "created_at"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static Instant epoch(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.ofEpochSecond(node.path(field).asLong()) : null;
    }

    // ---- helpers

    /** Pages through a list by {@code page=N} while the answer links a next page; 204 ends it. */
    private void pages(String endpoint, String firstQuery, String embedded, Consumer<List<JsonNode>> consumer) {
        for (int page = 1; ; page++) {
            JsonNode root = http.call(endpoint, "GET", firstQuery + "&page=" + page, null);
            List<JsonNode> items = new ArrayList<>();
            root.path("_embedded").path(embedded).forEach(items::add);
            if (!items.isEmpty()) {
                consumer.accept(items);
            }
            if (items.isEmpty() || root.path("_links").path("next").isMissingNode()) {
                return;
            }
        }
    }

    private static String idFilter(List<String> ids) {
        StringBuilder query = new StringBuilder();
        String key = encode("filter[id][]");
        for (String id : ids) {
            query.append('&').append(key).append('=').append(numeric(id));
        }
        return query.toString();
    }

    /** amoCRM ids are numbers; anything else cannot be one of its entities. */
    private static long numeric(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new CrmApiException(RejectionCode.NOT_FOUND, "'" + id + "' is not an amoCRM id", false, null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
