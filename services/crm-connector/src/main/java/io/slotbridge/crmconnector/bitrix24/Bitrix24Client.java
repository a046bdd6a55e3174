package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.app.Chunks;
import io.slotbridge.crmconnector.app.CrmApi;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.domain.CrmContact;
import io.slotbridge.crmconnector.domain.CrmLead;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.CrmNote;
import io.slotbridge.crmconnector.domain.LeadWrite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bitrix24 behind the {@link CrmApi} port, on the classic CRM methods ({@code crm.deal.*} or {@code crm.lead.*}, whose
 * field codes are the same in {@code .fields}, {@code .list} and {@code .update}). Reads and writes go through
 * {@code batch}, 50 commands per request; the sweep pages {@code .list} by {@code >=DATE_MODIFY}. Webhooks are event
 * handlers ({@code event.bind}/{@code event.get}/{@code event.unbind}) pointing at the gateway.
 */
final class Bitrix24Client implements CrmApi {

    private static final Logger log = LoggerFactory.getLogger(Bitrix24Client.class);
    private static final int PAGE = 50;
    private static final Duration ANSWERED_WRITES_KEPT = Duration.ofHours(1);

    private final String tenant;
    private final Bitrix24Http http;
    private final Bitrix24Batch batch;
    private final Bitrix24Entity entity;
    private final Bitrix24Credentials credentials;
    private final String lossReasonLabel;
    private final String defaultPipelineName;
    private final ZoneId zone;
    private final ObjectMapper json;
    private final Clock clock;
    private final Bitrix24AnsweredWrites answeredWrites;
    private final Bitrix24OfflineEvents offlineEvents;
    /** The loss reason field's code once known (empty: the portal has none); null until first read. */
    private volatile Optional<String> lossReasonField;

    Bitrix24Client(
            String tenant,
            Bitrix24Http http,
            Bitrix24Batch batch,
            Bitrix24Entity entity,
            Bitrix24Credentials credentials,
            String lossReasonLabel,
            String defaultPipelineName,
            ZoneId zone,
            ObjectMapper json,
            Clock clock) {
        this.tenant = tenant;
        this.http = http;
        this.batch = batch;
        this.entity = entity;
        this.credentials = credentials;
        this.lossReasonLabel = lossReasonLabel;
        this.defaultPipelineName = defaultPipelineName;
        this.zone = zone;
        this.json = json;
        this.clock = clock;
        this.answeredWrites = new Bitrix24AnsweredWrites(ANSWERED_WRITES_KEPT, clock);
        this.offlineEvents = new Bitrix24OfflineEvents(tenant, http, entity, json, clock);
    }

    @Override
    public CrmKind kind() {
        return CrmKind.BITRIX24;
    }

    // ---- metadata

    @Override
    public CrmMetadata readMetadata() {
        Map<String, Bitrix24Batch.Call> first = new LinkedHashMap<>();
        first.put("fields", new Bitrix24Batch.Call(entity.methods + ".fields", json.createObjectNode()));
        if (entity == Bitrix24Entity.DEAL) {
            first.put(
                    "categories",
                    new Bitrix24Batch.Call(
                            "crm.category.list", json.createObjectNode().put("entityTypeId", entity.entityTypeId)));
        }
        Map<String, Bitrix24Batch.Outcome> answers = batch.run(first);
        Map<String, CrmMetadata.CustomField> fields = Bitrix24Mapping.userFields(required(answers.get("fields")));
        Map<String, String> pipelineNames = pipelineNames(answers.get("categories"));

        Map<String, Bitrix24Batch.Call> stageCalls = new LinkedHashMap<>();
        pipelineNames.keySet().forEach(id -> {
            ObjectNode params = json.createObjectNode();
            params.putObject("filter").put("ENTITY_ID", entity.stageDictionary(id));
            stageCalls.put("stages_" + id, new Bitrix24Batch.Call("crm.status.list", params));
        });
        Map<String, Bitrix24Batch.Outcome> stageAnswers = batch.run(stageCalls);
        List<CrmMetadata.Pipeline> pipelines = new ArrayList<>();
        pipelineNames.forEach((id, name) -> pipelines.add(new CrmMetadata.Pipeline(
                id, name, Bitrix24Mapping.stages(required(stageAnswers.get("stages_" + id))))));

        Map<String, String> lossReasons = new LinkedHashMap<>();
        Optional<CrmMetadata.CustomField> lossField = fields.values().stream()
                .filter(f -> f.name().equals(lossReasonLabel))
                .findFirst();
        lossField.ifPresent(f -> {
            lossReasons.putAll(f.options());
            fields.remove(f.id());
        });
        if (lossReasonLabel != null && lossField.isEmpty()) {
            log.warn(
                    "tenant {}: Bitrix24 has no {} field labelled '{}' (crm.loss-reason-field)",
                    tenant,
                    entity.methods,
                    lossReasonLabel);
        }
        lossReasonField = lossField.map(CrmMetadata.CustomField::id);
        return new CrmMetadata(pipelines, fields, users(), lossReasons, clock.instant());
    }

    /** Deal pipelines by id ("0" is the default one); leads have a single, unnamed one. */
    private Map<String, String> pipelineNames(Bitrix24Batch.Outcome categories) {
        Map<String, String> names = new LinkedHashMap<>();
        if (categories != null && categories.succeeded()) {
            for (JsonNode c : categories.result().path("categories")) {
                names.put(c.path("id").asText(), c.path("name").asText());
            }
        } else if (categories != null) {
            log.warn(
                    "tenant {}: crm.category.list failed ({}); using the default pipeline only",
                    tenant,
                    categories.failure().reason());
        }
        if (names.isEmpty()) {
            names.put("0", defaultPipelineName == null ? "" : defaultPipelineName);
        }
        return names;
    }

    /** Users page by page; a portal that refuses {@code user.get} (scope) leaves users unnamed, not the CRM unusable. */
    private Map<String, CrmMetadata.CrmUserInfo> users() {
        Map<String, CrmMetadata.CrmUserInfo> users = new LinkedHashMap<>();
        try {
            int start = 0;
            while (true) {
                JsonNode answer = http.call("user.get", json.createObjectNode().put("start", start));
                answer.path("result").forEach(u -> {
                    CrmMetadata.CrmUserInfo user = Bitrix24Mapping.user(u);
                    users.put(user.id(), user);
                });
                if (!answer.hasNonNull("next")) {
                    return users;
                }
                start = answer.path("next").asInt();
            }
        } catch (CrmApiException e) {
            if (e.retryable()) {
                throw e;
            }
            log.warn(
                    "tenant {}: Bitrix24 users are not readable ({}); snapshots name users by id only",
                    tenant,
                    e.reason());
            return users;
        }
    }

    /** The code of the loss reason field, read once when a lead arrives before the metadata. */
    private String lossReasonField() {
        if (lossReasonLabel == null) {
            return null;
        }
        Optional<String> known = lossReasonField;
        if (known == null) {
            JsonNode fields = http.call(entity.methods + ".fields", json.createObjectNode())
                    .path("result");
            known = Bitrix24Mapping.userFields(fields).values().stream()
                    .filter(f -> f.name().equals(lossReasonLabel))
                    .map(CrmMetadata.CustomField::id)
                    .findFirst();
            lossReasonField = known;
        }
        return known.orElse(null);
    }

    // ---- reads

    @Override
    public List<CrmLead> leadsByIds(Collection<String> ids) {
        List<String> numeric =
                ids.stream().filter(Bitrix24Client::isId).distinct().toList();
        Map<String, Bitrix24Batch.Call> calls = new LinkedHashMap<>();
        List<List<String>> chunks = Chunks.of(numeric, PAGE);
        for (int i = 0; i < chunks.size(); i++) {
            ObjectNode params = selectAll();
            ArrayNode in = params.putObject("filter").putArray("@ID");
            chunks.get(i).forEach(in::add);
            calls.put("r" + i, new Bitrix24Batch.Call(entity.methods + ".list", params));
        }
        List<CrmLead> leads = new ArrayList<>();
        String lossField = calls.isEmpty() ? null : lossReasonField();
        batch.run(calls).values().forEach(outcome -> required(outcome)
                .forEach(row -> leads.add(Bitrix24Mapping.lead(row, entity, lossField))));
        return leads;
    }

    @Override
    public void leadsUpdatedSince(Instant since, Consumer<List<CrmLead>> page) {
        String lossField = lossReasonField();
        int start = 0;
        while (true) {
            ObjectNode params = selectAll();
            params.putObject("filter")
                    .put(
                            ">=DATE_MODIFY",
                            Bitrix24Mapping.isoSeconds(since.atZone(zone).toOffsetDateTime()));
            ObjectNode order = params.putObject("order");
            order.put("DATE_MODIFY", "ASC");
            order.put("ID", "ASC");
            params.put("start", start);
            JsonNode answer = http.call(entity.methods + ".list", params);
            List<CrmLead> leads = new ArrayList<>();
            answer.path("result").forEach(row -> leads.add(Bitrix24Mapping.lead(row, entity, lossField)));
            if (!leads.isEmpty()) {
                page.accept(leads);
            }
            if (leads.isEmpty() || !answer.hasNonNull("next")) {
                return;
            }
            start = answer.path("next").asInt();
        }
    }

    @Override
    public List<CrmContact> contactsByIds(Collection<String> ids) {
        Map<String, Bitrix24Batch.Call> calls = new LinkedHashMap<>();
        ids.stream()
                .filter(Bitrix24Client::isId)
                .distinct()
                .forEach(id -> calls.put(
                        "c" + id,
                        new Bitrix24Batch.Call(
                                "crm.contact.get", json.createObjectNode().put("id", id))));
        List<CrmContact> contacts = new ArrayList<>();
        batch.run(calls).values().forEach(outcome -> {
            if (outcome.succeeded()) {
                contacts.add(Bitrix24Mapping.contact(outcome.result()));
            } else if (outcome.failure().code() != RejectionCode.NOT_FOUND) {
                throw outcome.failure();
            }
        });
        return contacts;
    }

    @Override
    public List<String> leadIdsOf(String hintEntity, String entityId) {
        if (!isId(entityId)) {
            return List.of();
        }
        if (hintEntity.equals("contact")) {
            ObjectNode params = json.createObjectNode();
            params.putObject("filter").put("CONTACT_ID", entityId);
            params.putArray("select").add("ID");
            List<String> ids = new ArrayList<>();
            http.call(entity.methods + ".list", params)
                    .path("result")
                    .forEach(row -> ids.add(row.path("ID").asText()));
            return ids;
        }
        if (hintEntity.equals("activity")) {
            ObjectNode params = json.createObjectNode();
            params.putObject("filter").put("ID", entityId);
            for (JsonNode activity : http.call("crm.activity.list", params).path("result")) {
                if (activity.path("OWNER_TYPE_ID").asInt() == entity.entityTypeId) {
                    return List.of(activity.path("OWNER_ID").asText());
                }
            }
        }
        return List.of();
    }

    /** Bitrix24 sends no note events of the kind amoCRM does; timeline comments are not published as notes. */
    @Override
    public List<CrmNote> notesByIds(Collection<String> noteIds) {
        return List.of();
    }

    // ---- writes

    @Override
    public int maxWriteBatch() {
        return Bitrix24Batch.MAX_COMMANDS;
    }

    @Override
    public List<ItemOutcome> updateLeads(List<LeadWrite> writes) {
        String lossField = lossReasonField();
        List<Bitrix24Batch.Call> calls = new ArrayList<>();
        for (LeadWrite write : writes) {
            ObjectNode params = json.createObjectNode();
            params.put("id", write.leadId());
            params.set(
                    "fields",
                    Bitrix24Mapping.updateFields(
                            entity, write.stageId(), lossField, write.lossReasonId(), write.fields()));
            // keeps our automated changes out of the feed and the history noise
            params.putObject("params").put("REGISTER_SONET_EVENT", "N");
            calls.add(new Bitrix24Batch.Call(entity.methods + ".update", params));
        }
        return write(writes.stream().map(LeadWrite::leadId).toList(), calls, result -> null);
    }

    @Override
    public List<ItemOutcome> addNotes(List<NewNote> notes) {
        List<Bitrix24Batch.Call> calls = new ArrayList<>();
        for (NewNote note : notes) {
            ObjectNode params = json.createObjectNode();
            params.putObject("fields")
                    .put("ENTITY_ID", note.leadId())
                    .put("ENTITY_TYPE", entity.timelineType)
                    .put("COMMENT", note.text());
            calls.add(new Bitrix24Batch.Call("crm.timeline.comment.add", params));
        }
        return write(notes.stream().map(NewNote::leadId).toList(), calls, JsonNode::asText);
    }

    @Override
    public List<ItemOutcome> addCallTasks(List<NewCallTask> tasks) {
        List<Bitrix24Batch.Call> calls = new ArrayList<>();
        for (NewCallTask task : tasks) {
            ObjectNode params = json.createObjectNode();
            params.put("ownerTypeId", entity.entityTypeId);
            params.put("ownerId", task.leadId());
            params.put(
                    "deadline",
                    Bitrix24Mapping.isoSeconds(task.dueAt().atZone(zone).toOffsetDateTime()));
            params.put("title", task.text().lines().findFirst().orElse(""));
            params.put("description", task.text());
            if (task.responsibleUserId() != null) {
                params.put("responsibleId", task.responsibleUserId());
            }
            calls.add(new Bitrix24Batch.Call("crm.activity.todo.add", params));
        }
        return write(tasks.stream().map(NewCallTask::leadId).toList(), calls, r -> r.path("id")
                .asText(null));
    }

    /**
     * One batch; each item's outcome with the id it created. Items naming no Bitrix24 id are not sent. When some items
     * hit a parked method, the others' results are remembered and {@link Bitrix24Errors.MethodParked} is thrown: the
     * whole batch comes back after the park, and what already went through is answered from memory, not sent again.
     */
    private List<ItemOutcome> write(
            List<String> leadIds, List<Bitrix24Batch.Call> calls, Function<JsonNode, String> id) {
        if (calls.size() > Bitrix24Batch.MAX_COMMANDS) {
            throw new IllegalArgumentException(
                    calls.size() + " items exceed the batch of " + Bitrix24Batch.MAX_COMMANDS);
        }
        Map<String, Bitrix24Batch.Call> keyed = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            if (isId(leadIds.get(i))) {
                keyed.put("k" + i, calls.get(i));
            }
        }
        Map<String, Bitrix24Batch.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Bitrix24Batch.Call> toSend = new LinkedHashMap<>();
        keyed.forEach((key, call) -> answeredWrites
                .take(call.text())
                .ifPresentOrElse(
                        result -> outcomes.put(key, new Bitrix24Batch.Outcome(result, null)),
                        () -> toSend.put(key, call)));
        outcomes.putAll(batch.run(toSend));
        throwIfParked(keyed, outcomes);
        List<ItemOutcome> result = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Bitrix24Batch.Outcome outcome = outcomes.get("k" + i);
            if (outcome == null) {
                result.add(ItemOutcome.failed(new CrmApiException(
                        RejectionCode.NOT_FOUND, "'" + leadIds.get(i) + "' is not a Bitrix24 id", false, null)));
            } else if (outcome.succeeded()) {
                result.add(ItemOutcome.ok(id.apply(outcome.result())));
            } else {
                result.add(ItemOutcome.failed(outcome.failure()));
            }
        }
        return result;
    }

    private void throwIfParked(Map<String, Bitrix24Batch.Call> calls, Map<String, Bitrix24Batch.Outcome> outcomes) {
        Bitrix24Errors.MethodParked parked = outcomes.values().stream()
                .filter(o -> o.failure() instanceof Bitrix24Errors.MethodParked)
                .map(o -> (Bitrix24Errors.MethodParked) o.failure())
                .findFirst()
                .orElse(null);
        if (parked == null) {
            return;
        }
        calls.forEach((key, call) -> {
            Bitrix24Batch.Outcome outcome = outcomes.get(key);
            if (outcome.succeeded()) {
                answeredWrites.remember(call.text(), outcome.result());
            }
        });
        throw parked;
    }

    // ---- event handlers

    /**
     * The portal's offline-event queue, for applications (OAuth): Bitrix24 keeps offline events only for them, and an
     * inbound webhook cannot bind events at all.
     */
    Optional<Bitrix24OfflineEvents> offlineEvents() {
        return usesOfflineEvents() ? Optional.of(offlineEvents) : Optional.empty();
    }

    private boolean usesOfflineEvents() {
        return credentials.mode().equals("oauth");
    }

    /** The offline twins we bind beside the online handlers: the tenant's entity's add/update/delete. */
    private List<String> offlineTwins(Collection<String> events) {
        if (!usesOfflineEvents()) {
            return List.of();
        }
        String prefix = entity.eventPrefix();
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    /**
     * Online handlers by destination. For OAuth portals an entity event counts as installed only when its offline twin
     * is bound too, so an installation that lacks them is completed by the next install.
     */
    @Override
    public List<Webhook> webhooks() {
        BoundHandlers bound = boundHandlers();
        List<Webhook> hooks = new ArrayList<>();
        bound.online().forEach((handler, events) -> {
            List<String> twinless = offlineTwins(events).stream()
                    .filter(e -> !bound.offline().contains(e))
                    .toList();
            List<String> complete =
                    events.stream().filter(e -> !twinless.contains(e)).toList();
            hooks.add(new Webhook(null, handler, complete, false));
        });
        return hooks;
    }

    @Override
    public Webhook installWebhook(String destination, List<String> events) {
        if (!credentials.canBindEvents()) {
            throw new CrmApiException(
                    RejectionCode.INVALID,
                    "Bitrix24 allows event.bind only to applications, not through an inbound webhook: create an"
                            + " outgoing webhook in the portal (Developer resources → Other → Outbound webhook) to "
                            + destination + " for " + String.join(", ", events)
                            + ", and put its application token into crm.application-token",
                    false,
                    null);
        }
        Map<String, Bitrix24Batch.Call> calls = new LinkedHashMap<>();
        events.forEach(event -> calls.put(
                event,
                new Bitrix24Batch.Call(
                        "event.bind",
                        json.createObjectNode().put("event", event).put("handler", destination))));
        offlineTwins(events)
                .forEach(event -> calls.put(
                        "offline_" + event,
                        new Bitrix24Batch.Call(
                                "event.bind",
                                json.createObjectNode().put("event", event).put("event_type", "offline"))));
        batch.run(calls).forEach((key, outcome) -> {
            if (outcome.succeeded() || outcome.failure().reason().contains(Bitrix24Errors.HANDLER_ALREADY_BOUND)) {
                return;
            }
            if (!key.startsWith("offline_")) {
                throw outcome.failure();
            }
            // offline events need an administrator's application on a plan that has them: without them the online
            // handlers and the sweep still work, so this does not fail the installation
            log.warn(
                    "tenant {}: offline event {} not bound ({}); changes whose online event is lost wait for the sweep",
                    tenant,
                    key.substring("offline_".length()),
                    outcome.failure().reason());
        });
        return new Webhook(null, destination, events, false);
    }

    @Override
    public void removeWebhook(String destination) {
        Map<String, Bitrix24Batch.Call> calls = new LinkedHashMap<>();
        BoundHandlers bound = boundHandlers();
        bound.online()
                .getOrDefault(destination, List.of())
                .forEach(event -> calls.put(
                        event,
                        new Bitrix24Batch.Call(
                                "event.unbind",
                                json.createObjectNode().put("event", event).put("handler", destination))));
        offlineTwins(List.copyOf(calls.keySet())).stream()
                .filter(bound.offline()::contains)
                .forEach(event -> calls.put(
                        "offline_" + event,
                        new Bitrix24Batch.Call(
                                "event.unbind",
                                json.createObjectNode().put("event", event).put("event_type", "offline"))));
        batch.run(calls).values().forEach(outcome -> {
            if (!outcome.succeeded()) {
                throw outcome.failure();
            }
        });
    }

    /** What {@code event.get} lists: online events by handler URL, and the events bound offline. */
    private record BoundHandlers(Map<String, List<String>> online, Set<String> offline) {}

    private BoundHandlers boundHandlers() {
        Map<String, List<String>> online = new LinkedHashMap<>();
        Set<String> offline = new HashSet<>();
        for (JsonNode h : http.call("event.get", json.createObjectNode()).path("result")) {
            String event = h.path("event").asText().toUpperCase(Locale.ROOT);
            if (h.path("offline").asInt() == 1) {
                offline.add(event);
            } else {
                online.computeIfAbsent(h.path("handler").asText(), k -> new ArrayList<>())
                        .add(event);
            }
        }
        return new BoundHandlers(online, offline);
    }

    // ---- helpers

    private ObjectNode selectAll() {
        ObjectNode params = json.createObjectNode();
        params.putArray("select").add("*").add("UF_*");
        return params;
    }

    private static JsonNode required(Bitrix24Batch.Outcome outcome) {
        if (!outcome.succeeded()) {
            throw outcome.failure();
        }
        return outcome.result();
    }

    private static boolean isId(String id) {
        return id != null && id.matches("\\d{1,18}");
    }
}
