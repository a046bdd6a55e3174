package io.slotbridge.crmconnector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful slice of amoCRM for WireMock: leads per tenant that {@code GET /api/v4/leads?filter[id][]=…} returns
 * (204 when none exist) and {@code PATCH /api/v4/leads} changes, and {@code POST /api/v4/leads/notes} and
 * {@code POST /api/v4/tasks} answering with new ids per {@code request_id}, all in amoCRM's documented shapes. Tests
 * stub faults on top with a higher priority.
 */
public final class AmoLeadsEmulator implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "amo-leads";

    private static final Map<String, Map<String, ObjectNode>> LEADS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(90_000_000);

    /** Puts (or replaces) a lead of a tenant. */
    public static void put(String tenant, ObjectNode lead) {
        LEADS.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                .put(lead.path("id").asText(), lead);
    }

    public static ObjectNode get(String tenant, String leadId) {
        return LEADS.getOrDefault(tenant, Map.of()).get(leadId);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition answer = answer(serveEvent);
        Integer delay = serveEvent.getResponseDefinition().getFixedDelayMilliseconds();
        // keep a delay the stub asked for (a hung amoCRM in RestartIT)
        return delay == null
                ? answer
                : com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(answer)
                        .withFixedDelay(delay)
                        .build();
    }

    private ResponseDefinition answer(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String url = request.getUrl();
        String tenant = url.split("/")[2];
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String method = request.getMethod().getName();
        if (path.endsWith("/api/v4/leads") && method.equals("GET")) {
            return read(tenant, request.queryParameter("filter[id][]"));
        }
        if (path.endsWith("/api/v4/leads") && method.equals("PATCH")) {
            return patch(tenant, readJson(request.getBodyAsString()));
        }
        if (path.endsWith("/api/v4/leads/notes") && method.equals("POST")) {
            return created("notes", readJson(request.getBodyAsString()));
        }
        if (path.endsWith("/api/v4/tasks") && method.equals("POST")) {
            return created("tasks", readJson(request.getBodyAsString()));
        }
        return new ResponseDefinition(404, "no emulation for " + method + " " + path);
    }

    private static JsonNode readJson(String body) {
        return AmoCrmStubs.readJson(body);
    }

    private ResponseDefinition read(String tenant, QueryParameter ids) {
        List<ObjectNode> found = new java.util.ArrayList<>();
        if (ids.isPresent()) {
            for (String id : ids.values()) {
                ObjectNode lead = get(tenant, id);
                if (lead != null) {
                    found.add(lead);
                }
            }
        }
        if (found.isEmpty()) {
            return ResponseDefinition.noContent();
        }
        return hal(AmoCrmStubs.leadsPage(found, false, 1));
    }

    private ResponseDefinition patch(String tenant, JsonNode items) {
        ObjectNode root = AmoCrmStubs.JSON.createObjectNode();
        root.putObject("_links").putObject("self").put("href", "https://example.amocrm.ru/api/v4/leads");
        ArrayNode updated = root.putObject("_embedded").putArray("leads");
        for (JsonNode item : items) {
            String id = item.path("id").asText();
            ObjectNode lead = get(tenant, id);
            if (lead == null) {
                lead = AmoCrmStubs.lead(item.path("id").asLong(), 70011, 1795000000L);
                put(tenant, lead);
            }
            synchronized (lead) {
                apply(lead, item);
            }
            ObjectNode answer = updated.addObject();
            answer.put("id", item.path("id").asLong());
            answer.put("updated_at", lead.path("updated_at").asLong());
            answer.put("request_id", item.path("request_id").asText());
            answer.putObject("_links").putObject("self").put("href", "https://example.amocrm.ru/api/v4/leads/" + id);
        }
        return hal(root.toString());
    }

    private static void apply(ObjectNode lead, JsonNode item) {
        for (String field : List.of("status_id", "pipeline_id", "loss_reason_id")) {
            if (item.has(field)) {
                lead.set(field, item.get(field));
            }
        }
        if (item.path("custom_fields_values").isArray()) {
            if (!lead.path("custom_fields_values").isArray()) {
                lead.putArray("custom_fields_values");
            }
            ArrayNode values = (ArrayNode) lead.get("custom_fields_values");
            for (JsonNode write : item.get("custom_fields_values")) {
                for (int i = values.size() - 1; i >= 0; i--) {
                    if (values.get(i).path("field_id").asLong()
                            == write.path("field_id").asLong()) {
                        values.remove(i);
                    }
                }
                if (!write.path("values").isNull()) {
                    ObjectNode stored = values.addObject();
                    stored.put("field_id", write.path("field_id").asLong());
                    stored.set("values", write.path("values"));
                }
            }
        }
        lead.put("updated_at", lead.path("updated_at").asLong() + 1);
        lead.put("updated_by", 503);
    }

    private ResponseDefinition created(String entity, JsonNode items) {
        ObjectNode root = AmoCrmStubs.JSON.createObjectNode();
        root.putObject("_links").putObject("self").put("href", "https://example.amocrm.ru/api/v4/" + entity);
        ArrayNode created = root.putObject("_embedded").putArray(entity);
        for (JsonNode item : items) {
            ObjectNode answer = created.addObject();
            long id = IDS.incrementAndGet();
            answer.put("id", id);
            if ("notes".equals(entity)) {
                answer.put("entity_id", item.path("entity_id").asLong());
            }
            answer.put("request_id", item.path("request_id").asText());
            answer.putObject("_links")
                    .putObject("self")
                    .put("href", "https://example.amocrm.ru/api/v4/" + entity + "/" + id);
        }
        return hal(root.toString());
    }

    @SuppressWarnings("unchecked")
    private static ResponseDefinition hal(String body) {
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", AmoCrmStubs.HAL)
                .withBody(body)
                .build();
    }
}
