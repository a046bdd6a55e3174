package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sales team member in the sandbox's Bitrix24 portal, working through an inbound webhook of their own
 * ({@code /rest/{user}/{secret}/}, the sandbox's admin secret), so what they change is changed by them — as when they
 * click in the portal. Creates a contact and a deal, books the meeting, reads the deal back. Stages, user fields and
 * list items are looked up by the names a person sees, never by hard-coded ids.
 */
public final class Bitrix24Person {

    private final long userId;
    private final SandboxHttp http;
    private final Map<String, String> stagesByName = new HashMap<>();
    private final Map<String, String> stageNames = new HashMap<>();
    private final Map<String, JsonNode> fieldsByLabel = new HashMap<>();

    /** @param userId the person's Bitrix24 user id */
    public Bitrix24Person(String sandboxUrl, String portal, long userId) {
        this.userId = userId;
        // under Bitrix24's 2 requests/s leaky bucket, so the person never throttles Slotbridge
        this.http = new SandboxHttp(
                sandboxUrl + "/bitrix24/" + portal + "/rest/" + userId + "/sandbox-admin",
                null,
                Duration.ofMillis(600),
                12);
    }

    /**
     * Creates the client as a contact with a phone and a deal for them in the first stage, with this person
     * responsible; returns the deal id.
     */
    public long createDeal(String title, String clientName, String phone) {
        long contactId = call(
                        "crm.contact.add",
                        Map.of(
                                "fields",
                                Map.of(
                                        "NAME",
                                        clientName,
                                        "PHONE",
                                        List.of(Map.of("VALUE", phone, "VALUE_TYPE", "MOBILE")))))
                .asLong();
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("TITLE", title);
        deal.put("CATEGORY_ID", 0);
        deal.put("STAGE_ID", stageId("Первичный контакт"));
        deal.put("CONTACT_ID", contactId);
        deal.put("ASSIGNED_BY_ID", userId);
        return call("crm.deal.add", Map.of("fields", deal)).asLong();
    }

    /** Stage {@code 5. Встреча назначена} with the meeting's time, expert, category and the client's goal. */
    public void book(long dealId, Instant time, String expert, String category, String goal) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("STAGE_ID", stageId("5. Встреча назначена"));
        fields.put(fieldCode("Дата и время встречи"), time.toString());
        fields.put(
                fieldCode("Сотрудник, который будет проводить встречу"),
                itemId("Сотрудник, который будет проводить встречу", expert));
        fields.put(fieldCode("Категория"), itemId("Категория", category));
        fields.put(fieldCode("Цель клиента"), goal);
        call("crm.deal.update", Map.of("id", dealId, "fields", fields));
    }

    /** The deal's stage by name. */
    public String stage(long dealId) {
        metadata();
        return stageNames.get(
                call("crm.deal.get", Map.of("id", dealId)).path("STAGE_ID").asText());
    }

    private JsonNode call(String method, Map<String, Object> params) {
        JsonNode answer = http.expectOk("POST", "/" + method + ".json", params);
        if (answer.has("error")) {
            throw new IllegalStateException("Bitrix24 " + method + " answered " + answer);
        }
        return answer.path("result");
    }

    private String stageId(String name) {
        metadata();
        String id = stagesByName.get(name);
        if (id == null) {
            throw new IllegalStateException(
                    "Bitrix24 has no deal stage " + name + " (known: " + stagesByName.keySet() + ")");
        }
        return id;
    }

    private String fieldCode(String label) {
        return field(label).path("code").asText();
    }

    private String itemId(String label, String value) {
        for (JsonNode item : field(label).path("items")) {
            if (value.equals(item.path("VALUE").asText())) {
                return item.path("ID").asText();
            }
        }
        throw new IllegalStateException("Bitrix24 field " + label + " has no item " + value);
    }

    private JsonNode field(String label) {
        metadata();
        JsonNode field = fieldsByLabel.get(label);
        if (field == null) {
            throw new IllegalStateException("Bitrix24 deals have no field labelled " + label);
        }
        return field;
    }

    private synchronized void metadata() {
        if (!stagesByName.isEmpty()) {
            return;
        }
        for (JsonNode stage : call("crm.status.list", Map.of("filter", Map.of("ENTITY_ID", "DEAL_STAGE")))) {
            stagesByName.put(
                    stage.path("NAME").asText(), stage.path("STATUS_ID").asText());
            stageNames.put(stage.path("STATUS_ID").asText(), stage.path("NAME").asText());
        }
        call("crm.deal.fields", Map.of()).fields().forEachRemaining(entry -> {
            JsonNode field = entry.getValue();
            if (field.hasNonNull("listLabel")) {
                com.fasterxml.jackson.databind.node.ObjectNode withCode = field.deepCopy();
                withCode.put("code", entry.getKey());
                fieldsByLabel.put(field.get("listLabel").asText(), withCode);
            }
        });
    }
}
