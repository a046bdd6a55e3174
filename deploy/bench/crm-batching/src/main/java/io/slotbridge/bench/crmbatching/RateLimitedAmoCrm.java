package io.slotbridge.bench.crmbatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An amoCRM account for WireMock that enforces the API limit like amoCRM does: more than {@code limit} requests in
 * any sliding second are answered 429. It serves the account metadata and the batch write endpoints in amoCRM's
 * documented shapes and counts calls, 429s and lead updates.
 */
final class RateLimitedAmoCrm implements ResponseDefinitionTransformerV2 {

    static final String NAME = "rate-limited-amocrm";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int limit;
    private final Deque<Long> window = new ArrayDeque<>();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong leadUpdates = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(50_000_000);

    RateLimitedAmoCrm(int limit) {
        this.limit = limit;
    }

    void reset() {
        synchronized (window) {
            window.clear();
        }
        calls.set(0);
        throttled.set(0);
        leadUpdates.set(0);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        calls.incrementAndGet();
        if (!admit(System.nanoTime())) {
            throttled.incrementAndGet();
            return new ResponseDefinitionBuilder().withStatus(429).build();
        }
        String url = event.getRequest().getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String method = event.getRequest().getMethod().getName();
        try {
            if (path.endsWith("/api/v4/leads") && method.equals("PATCH")) {
                return patched(JSON.readTree(event.getRequest().getBodyAsString()));
            }
            if (path.endsWith("/api/v4/leads/notes") && method.equals("POST")) {
                return created("notes", JSON.readTree(event.getRequest().getBodyAsString()));
            }
            if (path.endsWith("/api/v4/leads/pipelines")) {
                return hal(METADATA_PIPELINES);
            }
            if (path.endsWith("/api/v4/leads/custom_fields")) {
                return hal(METADATA_FIELDS);
            }
            if (path.endsWith("/api/v4/users")) {
                return hal(
                        "{\"_page\":1,\"_links\":{},\"_embedded\":{\"users\":[{\"id\":501,\"name\":\"Ольга\",\"email\":\"olga@demo.example\"}]}}");
            }
            if (path.endsWith("/api/v4/leads/loss_reasons")) {
                return hal(
                        "{\"_page\":1,\"_links\":{},\"_embedded\":{\"loss_reasons\":[{\"id\":601,\"name\":\"Нет контакта\",\"sort\":1}]}}");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResponseDefinitionBuilder().withStatus(404).build();
    }

    /** amoCRM's per-integration limit: at most {@code limit} requests in any 1-second window. */
    private boolean admit(long now) {
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    private ResponseDefinition patched(JsonNode items) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("_links").putObject("self").put("href", "https://bench.amocrm.ru/api/v4/leads");
        ArrayNode leads = root.putObject("_embedded").putArray("leads");
        for (JsonNode item : items) {
            leadUpdates.incrementAndGet();
            ObjectNode lead = leads.addObject();
            lead.put("id", item.path("id").asLong());
            lead.put("updated_at", System.currentTimeMillis() / 1000);
            lead.put("request_id", item.path("request_id").asText("0"));
        }
        return hal(root.toString());
    }

    private ResponseDefinition created(String entity, JsonNode items) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode created = root.putObject("_embedded").putArray(entity);
        for (JsonNode item : items) {
            created.addObject()
                    .put("id", ids.incrementAndGet())
                    .put("request_id", item.path("request_id").asText());
        }
        return hal(root.toString());
    }

    private static ResponseDefinition hal(String body) {
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/hal+json")
                .withBody(body)
                .build();
    }

    private static final String METADATA_PIPELINES =
            "{\"_total_items\":1,\"_links\":{},\"_embedded\":{\"pipelines\":[{\"id\":7001,"
                    + "\"name\":\"Воронка\",\"sort\":1,\"is_main\":true,\"_embedded\":{\"statuses\":["
                    + "{\"id\":70011,\"name\":\"Первичный контакт\",\"pipeline_id\":7001,\"type\":0},"
                    + "{\"id\":70012,\"name\":\"Квалифицирован\",\"pipeline_id\":7001,\"type\":0},"
                    + "{\"id\":70013,\"name\":\"5. Встреча назначена\",\"pipeline_id\":7001,\"type\":0},"
                    + "{\"id\":142,\"name\":\"Успешно реализовано\",\"pipeline_id\":7001,\"type\":0},"
                    + "{\"id\":143,\"name\":\"Отказ. Сделка закрыта\",\"pipeline_id\":7001,\"type\":0}]}}]}}";

    private static final String METADATA_FIELDS = "{\"_page\":1,\"_links\":{},\"_embedded\":{\"custom_fields\":["
            + "{\"id\":9003,\"name\":\"Категория\",\"type\":\"select\",\"enums\":[{\"id\":11,\"value\":\"A\",\"sort\":1},"
            + "{\"id\":12,\"value\":\"B\",\"sort\":2},{\"id\":13,\"value\":\"C\",\"sort\":3}]},"
            + "{\"id\":9004,\"name\":\"Цель клиента\",\"type\":\"textarea\",\"enums\":null}]}}";
}
