package io.slotbridge.sandbox.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.amocrm.AmoModel.Contact;
import io.slotbridge.sandbox.amocrm.AmoModel.CustomField;
import io.slotbridge.sandbox.amocrm.AmoModel.FieldEnum;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One emulated amoCRM account: its settings (pipelines, fields, users, loss reasons) and its leads, contacts, notes,
 * tasks and webhook subscriptions. Every public method holds the account's lock, so concurrent API calls see a
 * consistent account; the webhooks a change causes are built under the lock and sent after it.
 */
public final class AmoAccount {

    public static final long WON = 142;
    public static final long LOST = 143;

    /** A webhook the change causes: the subscription setting it needs and the {@code leads[...]} part of the body. */
    record Hook(String setting, Map<String, Object> entity) {}

    /** The ids of what a write created or changed, and the hooks it causes. */
    record Written(List<Long> ids, List<Hook> hooks) {}

    final String subdomain;
    final long accountId;
    private final Clock clock;
    final List<Pipeline> pipelines = new ArrayList<>();
    final List<CustomField> customFields = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<LossReason> lossReasons = new ArrayList<>();
    private final TreeMap<Long, Lead> leads = new TreeMap<>();
    private final TreeMap<Long, Contact> contacts = new TreeMap<>();
    private final TreeMap<Long, Note> notes = new TreeMap<>();
    private final TreeMap<Long, Task> tasks = new TreeMap<>();
    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    private long nextLeadId = 20_000_001;
    private long nextContactId = 30_000_001;
    private long nextNoteId = 40_000_001;
    private long nextTaskId = 50_000_001;
    private long nextWebhookId = 1;

    AmoAccount(String subdomain, long accountId, Clock clock) {
        this.subdomain = subdomain;
        this.accountId = accountId;
        this.clock = clock;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    // ---- settings ----------------------------------------------------------------------------------------------

    synchronized Pipeline pipeline(long id) {
        return pipelines.stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    synchronized Pipeline mainPipeline() {
        return pipelines.stream().filter(Pipeline::main).findFirst().orElse(pipelines.get(0));
    }

    synchronized List<CustomField> fields(String entityType) {
        return customFields.stream()
                .filter(f -> f.entityType().equals(entityType))
                .toList();
    }

    synchronized CustomField field(long id) {
        return customFields.stream().filter(f -> f.id() == id).findFirst().orElse(null);
    }

    synchronized Optional<User> user(long id) {
        return users.stream().filter(u -> u.id() == id).findFirst();
    }

    synchronized long adminUserId() {
        return users.stream().filter(User::admin).findFirst().map(User::id).orElse(0L);
    }

    synchronized Optional<LossReason> lossReason(long id) {
        return lossReasons.stream().filter(r -> r.id() == id).findFirst();
    }

    synchronized List<User> users() {
        return List.copyOf(users);
    }

    synchronized List<LossReason> lossReasons() {
        return List.copyOf(lossReasons);
    }

    synchronized List<Pipeline> pipelines() {
        return List.copyOf(pipelines);
    }

    // ---- leads -------------------------------------------------------------------------------------------------

    synchronized List<Lead> leads(Predicate<Lead> filter) {
        return leads.values().stream().filter(l -> !l.deleted).filter(filter).toList();
    }

    synchronized Lead lead(long id) {
        Lead lead = leads.get(id);
        return lead == null || lead.deleted ? null : lead;
    }

    synchronized Written createLeads(List<JsonNode> items, long actor) {
        List<AmoErrors.Violation> violations = new ArrayList<>();
        List<Lead> created = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Lead lead = new Lead();
            Pipeline pipeline = item.hasNonNull("pipeline_id")
                    ? pipeline(item.get("pipeline_id").asLong())
                    : null;
            if (item.hasNonNull("pipeline_id") && pipeline == null) {
                violations.add(new AmoErrors.Violation(i, "NotSupportedChoice", "pipeline_id", "Pipeline not found"));
                continue;
            }
            pipeline = pipeline == null ? mainPipeline() : pipeline;
            lead.pipelineId = pipeline.id();
            lead.statusId = firstWorkingStatus(pipeline).id();
            lead.responsibleUserId = actor != 0 ? actor : adminUserId();
            lead.createdBy = actor;
            lead.updatedBy = actor;
            lead.createdAt = item.path("created_at").asLong(now());
            lead.updatedAt = lead.createdAt;
            int before = violations.size();
            applyLead(lead, item, i, violations, true);
            if (violations.size() == before) {
                created.add(lead);
            }
        }
        if (!violations.isEmpty()) {
            throw AmoErrors.validation(violations);
        }
        List<Long> ids = new ArrayList<>();
        List<Hook> hooks = new ArrayList<>();
        for (Lead lead : created) {
            lead.id = nextLeadId++;
            leads.put(lead.id, lead);
            lead.contactIds.forEach(contactId -> contacts.get(contactId).leadIds.add(lead.id));
            ids.add(lead.id);
            hooks.add(new Hook("add_lead", AmoHooks.lead("add", lead, this, null)));
        }
        return new Written(ids, hooks);
    }

    synchronized Written updateLeads(List<JsonNode> items, long actor) {
        List<AmoErrors.Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.hasNonNull("id")) {
                violations.add(new AmoErrors.Violation(i, "NotBlank", "id", "This value should not be blank."));
            } else if (lead(item.get("id").asLong()) == null) {
                violations.add(new AmoErrors.Violation(i, "NotFound", "id", "Lead not found"));
            } else {
                applyLead(copy(lead(item.get("id").asLong())), item, i, violations, false);
            }
        }
        if (!violations.isEmpty()) {
            throw AmoErrors.validation(violations);
        }
        List<Long> ids = new ArrayList<>();
        List<Hook> hooks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Lead lead = lead(items.get(i).get("id").asLong());
            Lead before = copy(lead);
            applyLead(lead, items.get(i), i, new ArrayList<>(), false);
            ids.add(lead.id);
            if (!sameState(before, lead)) {
                lead.updatedAt = Math.max(now(), before.updatedAt);
                lead.updatedBy = actor;
                hooks.addAll(changeHooks(before, lead));
            }
        }
        return new Written(ids, hooks);
    }

    /** The control API's stand-in for deleting a lead in the UI (API v4 has no lead delete). */
    synchronized Optional<Hook> deleteLead(long id) {
        Lead lead = lead(id);
        if (lead == null) {
            return Optional.empty();
        }
        lead.deleted = true;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", lead.id);
        fields.put("status_id", lead.statusId);
        fields.put("pipeline_id", lead.pipelineId);
        return Optional.of(new Hook("delete_lead", Map.of("leads", Map.of("delete", List.of(fields)))));
    }

    private List<Hook> changeHooks(Lead before, Lead after) {
        List<Hook> hooks = new ArrayList<>();
        if (before.statusId != after.statusId || before.pipelineId != after.pipelineId) {
            hooks.add(new Hook("status_lead", AmoHooks.lead("status", after, this, before)));
        }
        if (before.responsibleUserId != after.responsibleUserId) {
            hooks.add(new Hook("responsible_lead", AmoHooks.lead("responsible", after, this, before)));
        }
        hooks.add(new Hook("update_lead", AmoHooks.lead("update", after, this, null)));
        return hooks;
    }

    private void applyLead(Lead lead, JsonNode item, int index, List<AmoErrors.Violation> violations, boolean isNew) {
        if (item.has("name")) {
            lead.name = item.path("name").asText("");
        }
        if (item.has("price")) {
            lead.price = item.path("price").asLong(0);
        }
        if (item.hasNonNull("responsible_user_id")) {
            long userId = item.get("responsible_user_id").asLong();
            if (user(userId).isEmpty()) {
                violations.add(
                        new AmoErrors.Violation(index, "NotSupportedChoice", "responsible_user_id", "User not found"));
            } else {
                lead.responsibleUserId = userId;
            }
        }
        applyStatus(lead, item, index, violations, isNew);
        if (item.has("loss_reason_id")) {
            long reason = item.path("loss_reason_id").asLong(0);
            if (reason == 0) {
                lead.lossReasonId = null;
            } else if (lossReason(reason).isEmpty()) {
                violations.add(new AmoErrors.Violation(
                        index, "NotSupportedChoice", "loss_reason_id", "Loss reason not found"));
            } else {
                lead.lossReasonId = reason;
            }
        }
        if (item.has("custom_fields_values")) {
            applyFields(lead.customFields, item.get("custom_fields_values"), "leads", index, violations);
        }
        JsonNode linked = item.path("_embedded").path("contacts");
        for (JsonNode contact : linked) {
            long contactId = contact.path("id").asLong();
            if (!contacts.containsKey(contactId)) {
                violations.add(new AmoErrors.Violation(
                        index, "NotFound", "_embedded.contacts.id", "Contact " + contactId + " not found"));
            } else {
                lead.contactIds.add(contactId);
            }
        }
    }

    private void applyStatus(Lead lead, JsonNode item, int index, List<AmoErrors.Violation> violations, boolean isNew) {
        boolean hasStatus = item.hasNonNull("status_id");
        boolean hasPipeline = item.hasNonNull("pipeline_id");
        if (!hasStatus && !hasPipeline) {
            return;
        }
        Pipeline pipeline = hasPipeline ? pipeline(item.get("pipeline_id").asLong()) : pipeline(lead.pipelineId);
        if (pipeline == null) {
            violations.add(new AmoErrors.Violation(index, "NotSupportedChoice", "pipeline_id", "Pipeline not found"));
            return;
        }
        long statusId = hasStatus
                ? item.get("status_id").asLong()
                : firstWorkingStatus(pipeline).id();
        if ((statusId == WON || statusId == LOST) && !hasPipeline && !isNew) {
            violations.add(new AmoErrors.Violation(
                    index,
                    "NotSupportedChoice",
                    "pipeline_id",
                    "pipeline_id is required with status_id " + statusId + " (142 and 143 exist in every pipeline)"));
            return;
        }
        if (pipeline.status(statusId) == null) {
            violations.add(new AmoErrors.Violation(
                    index, "NotSupportedChoice", "status_id", "Status not found in pipeline " + pipeline.id()));
            return;
        }
        boolean wasClosed = lead.statusId == WON || lead.statusId == LOST;
        lead.pipelineId = pipeline.id();
        lead.statusId = statusId;
        boolean closed = statusId == WON || statusId == LOST;
        if (closed && !wasClosed) {
            lead.closedAt = now();
        } else if (!closed) {
            lead.closedAt = null;
        }
    }

    private static Status firstWorkingStatus(Pipeline pipeline) {
        return pipeline.statuses().stream()
                .filter(s -> s.type() == 0 && s.id() != WON && s.id() != LOST)
                .findFirst()
                .orElse(pipeline.statuses().get(0));
    }

    /** Replaces the values of the listed fields; an empty or null {@code values} clears the field. */
    private void applyFields(
            List<FieldValues> target,
            JsonNode values,
            String entityType,
            int index,
            List<AmoErrors.Violation> violations) {
        if (values == null || values.isNull()) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            JsonNode entry = values.get(i);
            String path = "custom_fields_values." + i;
            CustomField field = entry.hasNonNull("field_id")
                    ? field(entry.get("field_id").asLong())
                    : customFields.stream()
                            .filter(f -> f.code() != null
                                    && f.code().equals(entry.path("field_code").asText()))
                            .findFirst()
                            .orElse(null);
            if (field == null || !field.entityType().equals(entityType)) {
                violations.add(new AmoErrors.Violation(
                        index,
                        "NotSupportedChoice",
                        path + ".field_id",
                        "The value you selected is not a valid choice."));
                continue;
            }
            List<FieldValue> parsed = new ArrayList<>();
            JsonNode given = entry.path("values");
            for (int j = 0; j < given.size(); j++) {
                FieldValue value = fieldValue(field, given.get(j));
                if (value == null) {
                    violations.add(new AmoErrors.Violation(
                            index,
                            "InvalidType",
                            path + ".values." + j + ".value",
                            "This value is not valid for a field of type " + field.type() + "."));
                } else {
                    parsed.add(value);
                }
            }
            target.removeIf(fv -> fv.field().id() == field.id());
            if (!parsed.isEmpty()) {
                target.add(new FieldValues(field, parsed));
            }
        }
    }

    private static FieldValue fieldValue(CustomField field, JsonNode given) {
        JsonNode value = given.path("value");
        switch (field.type()) {
            case "select", "radiobutton", "multiselect" -> {
                FieldEnum chosen = given.hasNonNull("enum_id")
                        ? field.enumById(given.get("enum_id").asLong())
                        : value.isTextual() ? field.enumByValue(value.asText()) : null;
                return chosen == null ? null : new FieldValue(chosen.value(), chosen.id(), null);
            }
            case "date_time", "date", "birthday" -> {
                Long seconds = epochSeconds(value);
                return seconds == null ? null : new FieldValue(seconds, null, null);
            }
            case "checkbox" -> {
                return value.isBoolean() ? new FieldValue(value.asBoolean(), null, null) : null;
            }
            case "multitext" -> {
                return value.isValueNode()
                        ? new FieldValue(
                                value.asText(), null, given.path("enum_code").asText("WORK"))
                        : null;
            }
            default -> {
                return value.isValueNode() && !value.isNull() ? new FieldValue(value.asText(), null, null) : null;
            }
        }
    }

    /** Dates are unix seconds; amoCRM also takes numeric strings and ISO 8601 with an offset. */
    private static Long epochSeconds(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (text.matches("-?\\d+")) {
                return Long.parseLong(text);
            }
            try {
                return OffsetDateTime.parse(text).toEpochSecond();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Lead copy(Lead lead) {
        Lead copy = new Lead();
        copy.id = lead.id;
        copy.name = lead.name;
        copy.price = lead.price;
        copy.responsibleUserId = lead.responsibleUserId;
        copy.statusId = lead.statusId;
        copy.pipelineId = lead.pipelineId;
        copy.lossReasonId = lead.lossReasonId;
        copy.createdBy = lead.createdBy;
        copy.updatedBy = lead.updatedBy;
        copy.createdAt = lead.createdAt;
        copy.updatedAt = lead.updatedAt;
        copy.closedAt = lead.closedAt;
        copy.customFields.addAll(lead.customFields);
        copy.contactIds.addAll(lead.contactIds);
        copy.tags.addAll(lead.tags);
        return copy;
    }

    private static boolean sameState(Lead a, Lead b) {
        return a.name.equals(b.name)
                && a.price == b.price
                && a.responsibleUserId == b.responsibleUserId
                && a.statusId == b.statusId
                && a.pipelineId == b.pipelineId
                && java.util.Objects.equals(a.lossReasonId, b.lossReasonId)
                && a.customFields.equals(b.customFields)
                && a.contactIds.equals(b.contactIds);
    }

    // ---- contacts ----------------------------------------------------------------------------------------------

    synchronized List<Contact> contacts(Predicate<Contact> filter) {
        return contacts.values().stream().filter(filter).toList();
    }

    synchronized Contact contact(long id) {
        return contacts.get(id);
    }

    synchronized Written createContacts(List<JsonNode> items, long actor) {
        List<AmoErrors.Violation> violations = new ArrayList<>();
        List<Contact> created = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Contact contact = new Contact();
            contact.firstName = item.path("first_name").asText("");
            contact.lastName = item.path("last_name").asText("");
            contact.name = item.hasNonNull("name")
                    ? item.get("name").asText()
                    : (contact.firstName + " " + contact.lastName).strip();
            contact.responsibleUserId = item.path("responsible_user_id").asLong(actor != 0 ? actor : adminUserId());
            contact.createdBy = actor;
            contact.updatedBy = actor;
            contact.createdAt = now();
            contact.updatedAt = contact.createdAt;
            int before = violations.size();
            applyFields(contact.customFields, item.get("custom_fields_values"), "contacts", i, violations);
            if (violations.size() == before) {
                created.add(contact);
            }
        }
        if (!violations.isEmpty()) {
            throw AmoErrors.validation(violations);
        }
        List<Long> ids = new ArrayList<>();
        for (Contact contact : created) {
            contact.id = nextContactId++;
            contacts.put(contact.id, contact);
            ids.add(contact.id);
        }
        return new Written(ids, List.of());
    }

    // ---- notes -------------------------------------------------------------------------------------------------

    synchronized Written addNotes(List<JsonNode> items, Long pathLeadId, long actor) {
        List<AmoErrors.Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            long leadId =
                    pathLeadId != null ? pathLeadId : item.path("entity_id").asLong(0);
            if (lead(leadId) == null) {
                violations.add(new AmoErrors.Violation(i, "NotFound", "entity_id", "Lead " + leadId + " not found"));
            }
            String type = item.path("note_type").asText("");
            if (!AmoHooks.NOTE_TYPES.containsKey(type)) {
                violations.add(new AmoErrors.Violation(
                        i, "NotSupportedChoice", "note_type", "The value you selected is not a valid choice."));
            } else if (("common".equals(type) || "service_message".equals(type))
                    && item.path("params").path("text").asText("").isBlank()) {
                violations.add(
                        new AmoErrors.Violation(i, "NotBlank", "params.text", "This value should not be blank."));
            }
        }
        if (!violations.isEmpty()) {
            throw AmoErrors.validation(violations);
        }
        List<Long> ids = new ArrayList<>();
        List<Hook> hooks = new ArrayList<>();
        for (JsonNode item : items) {
            long leadId =
                    pathLeadId != null ? pathLeadId : item.path("entity_id").asLong();
            @SuppressWarnings("unchecked")
            Map<String, Object> params = item.has("params")
                    ? AmoJson.MAPPER.convertValue(item.get("params"), LinkedHashMap.class)
                    : new LinkedHashMap<>();
            Note note = new Note(
                    nextNoteId++,
                    leadId,
                    item.get("note_type").asText(),
                    params,
                    actor,
                    now(),
                    item.path("responsible_user_id").asLong(actor != 0 ? actor : adminUserId()));
            notes.put(note.id(), note);
            ids.add(note.id());
            hooks.add(new Hook("note_lead", AmoHooks.note(note, this)));
        }
        return new Written(ids, hooks);
    }

    synchronized List<Note> notes(Predicate<Note> filter) {
        return notes.values().stream().filter(filter).toList();
    }

    // ---- tasks -------------------------------------------------------------------------------------------------

    synchronized Written addTasks(List<JsonNode> items, long actor) {
        List<AmoErrors.Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.hasNonNull("complete_till")) {
                violations.add(
                        new AmoErrors.Violation(i, "NotBlank", "complete_till", "This value should not be blank."));
            }
            if (item.path("text").asText("").isBlank()) {
                violations.add(new AmoErrors.Violation(i, "NotBlank", "text", "This value should not be blank."));
            }
            if (item.hasNonNull("entity_id")
                    && "leads".equals(item.path("entity_type").asText())
                    && lead(item.get("entity_id").asLong()) == null) {
                violations.add(new AmoErrors.Violation(i, "NotFound", "entity_id", "Lead not found"));
            }
            if (item.hasNonNull("responsible_user_id")
                    && user(item.get("responsible_user_id").asLong()).isEmpty()) {
                violations.add(
                        new AmoErrors.Violation(i, "NotSupportedChoice", "responsible_user_id", "User not found"));
            }
        }
        if (!violations.isEmpty()) {
            throw AmoErrors.validation(violations);
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : items) {
            Task task = new Task();
            task.id = nextTaskId++;
            task.entityId = item.path("entity_id").asLong(0);
            task.entityType = item.path("entity_type").asText("leads");
            task.taskTypeId = item.path("task_type_id").asLong(1);
            task.text = item.path("text").asText();
            task.completeTill = item.path("complete_till").asLong();
            task.duration = item.path("duration").asLong(0);
            task.responsibleUserId = item.path("responsible_user_id").asLong(actor != 0 ? actor : adminUserId());
            task.createdBy = actor;
            task.updatedBy = actor;
            task.createdAt = now();
            task.updatedAt = task.createdAt;
            tasks.put(task.id, task);
            ids.add(task.id);
        }
        return new Written(ids, List.of());
    }

    synchronized Written updateTasks(List<JsonNode> items, long actor) {
        for (int i = 0; i < items.size(); i++) {
            if (!tasks.containsKey(items.get(i).path("id").asLong())) {
                throw AmoErrors.invalid(i, "NotFound", "id", "Task not found");
            }
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : items) {
            Task task = tasks.get(item.get("id").asLong());
            if (item.has("is_completed")) {
                task.completed = item.get("is_completed").asBoolean();
            }
            if (item.has("text")) {
                task.text = item.get("text").asText();
            }
            if (item.has("complete_till")) {
                task.completeTill = item.get("complete_till").asLong();
            }
            if (item.path("result").has("text")) {
                task.resultText = item.get("result").get("text").asText();
            }
            task.updatedAt = now();
            task.updatedBy = actor;
            ids.add(task.id);
        }
        return new Written(ids, List.of());
    }

    synchronized List<Task> tasks(Predicate<Task> filter) {
        return tasks.values().stream().filter(filter).toList();
    }

    synchronized Task task(long id) {
        return tasks.get(id);
    }

    // ---- webhooks ----------------------------------------------------------------------------------------------

    /** Subscribing an already subscribed destination replaces its settings, as amoCRM does. */
    synchronized Webhook subscribe(String destination, List<String> settings, int sort, long actor) {
        Webhook existing = webhooks.get(destination);
        Webhook webhook = new Webhook(
                existing != null ? existing.id() : nextWebhookId++,
                destination,
                List.copyOf(settings),
                sort,
                existing != null ? existing.createdAt() : now(),
                actor);
        webhooks.put(destination, webhook);
        return webhook;
    }

    synchronized boolean unsubscribe(String destination) {
        return webhooks.remove(destination) != null;
    }

    synchronized List<Webhook> webhooks() {
        return List.copyOf(webhooks.values());
    }
}
