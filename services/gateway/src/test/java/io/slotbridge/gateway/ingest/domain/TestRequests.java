package io.slotbridge.gateway.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ingress.IngressSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds requests for parser tests, and turns the docs' JSON views of Bitrix24 form posts back into form bodies. */
public final class TestRequests {

    public static final Instant RECEIVED = Instant.parse("2026-03-02T09:15:00Z");
    public static final String RAW_EVENT_ID = "raw-1";

    private TestRequests() {}

    public static HookRequest request(IngressSource source, String tenant, String body, String providerRequestId) {
        return request(source, tenant, body, Map.of(), providerRequestId);
    }

    public static HookRequest request(
            IngressSource source, String tenant, String body, Map<String, String> headers, String providerRequestId) {
        return new HookRequest(
                source,
                tenant,
                "POST",
                "/hooks/" + source.name().toLowerCase(java.util.Locale.ROOT) + "/" + tenant,
                HookHeaders.ofSingle(headers),
                null,
                body.getBytes(StandardCharsets.UTF_8),
                RECEIVED,
                RAW_EVENT_ID,
                providerRequestId);
    }

    /**
     * The wire form of a Bitrix24 event shown as JSON in its docs ({@code {"data":{"FIELDS":{"ID":"759"}}}} is sent
     * as {@code data%5BFIELDS%5D%5BID%5D=759}).
     */
    public static String formBodyOfJson(String json) {
        List<String> pairs = new ArrayList<>();
        flatten(ContractJson.fromJson(json, JsonNode.class), "", pairs);
        return String.join("&", pairs);
    }

    private static void flatten(JsonNode node, String key, List<String> pairs) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(e ->
                            flatten(e.getValue(), key.isEmpty() ? e.getKey() : key + "[" + e.getKey() + "]", pairs));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), key + "[" + i + "]", pairs);
            }
        } else {
            pairs.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(node.asText(), StandardCharsets.UTF_8));
        }
    }
}
