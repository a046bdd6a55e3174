package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sales team member in the sandbox's Bitrix24 portal, working through an inbound webhook of their own
 * ({@code /rest/{user}/{secret}/}, the sandbox's admin secret), so what they change is changed by them — as when they
 * click in the portal. Creates a contact and a deal, books the meeting, moves it, closes the deal lost, and reads the
 * deal, its timeline comments and to-dos back. Stages, user fields, list items and users are looked up by the names a
 * person sees, never by hard-coded ids.
 */
public final class Bitrix24Person implements CrmPerson {

    /** The demo portal's list field holding the loss reason: Bitrix24 deals have none of their own. */
    public static final String LOSS_REASON_FIELD = "Причина отказа";

    private static final String MEETING_TIME = "Дата и время встречи";
    private static final String EXPERT = "Сотрудник, который будет проводить встречу";
    private static final String LOST_STAGE = "Отказ. Сделка закрыта";
    /** {@code crm.activity.list}'s OWNER_TYPE_ID of a deal. */
    private static final int DEAL_TYPE = 2;

    private final String sandboxUrl;
    private final String portal;
    private final long userId;
    private final SandboxHttp http;
    private final Map<String, String> stagesByName = new HashMap<>();
    private final Map<String, String> stageNames = new HashMap<>();
    private final Map<String, JsonNode> fieldsByLabel = new HashMap<>();
    private final Map<String, Long> usersByName = new HashMap<>();

    /** @param userId the person's Bitrix24 user id */
    public Bitrix24Person(String sandboxUrl, String portal, long userId) {
        this.sandboxUrl = sandboxUrl;
        this.portal = portal;
        this.userId = userId;
        // under Bitrix24's 2 requests/s leaky bucket, so the person never throttles Slotbridge
        this.http = new SandboxHttp(
                sandboxUrl + "/bitrix24/" + portal + "/rest/" + userId + "/sandbox-admin",
                null,
                Duration.ofMillis(600),
                12);
    }

    /** The portal's user with that name (first and last name as the portal shows it), at their own webhook. */
    public Bitrix24Person colleague(String name) {
        return new Bitrix24Person(sandboxUrl, portal, userId(name));
    }

    /** The user of the portal's first webhook (the administrator) finds the named user and acts as them. */
    public static Bitrix24Person named(String sandboxUrl, String portal, String name) {
        return new Bitrix24Person(sandboxUrl, portal, 1).colleague(name);
    }

    @Override
    public long createLead(String title, String clientName, String phone, String responsible) {
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
        deal.put("ASSIGNED_BY_ID", userId(responsible));
        return call("crm.deal.add", Map.of("fields", deal)).asLong();
    }

    @Override
    public void book(long dealId, Instant time, String expert, String category, String goal) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("STAGE_ID", stageId("5. Встреча назначена"));
        fields.put(fieldCode(MEETING_TIME), time.toString());
        fields.put(fieldCode(EXPERT), itemId(EXPERT, expert));
        if (category != null) {
            fields.put(fieldCode("Категория"), itemId("Категория", category));
        }
        if (goal != null) {
            fields.put(fieldCode("Цель клиента"), goal);
        }
        update(dealId, fields);
    }

    @Override
    public void moveTo(long dealId, String stage) {
        update(dealId, Map.of("STAGE_ID", stageId(stage)));
    }

    @Override
    public void setMeetingTime(long dealId, Instant time) {
        update(dealId, Map.of(fieldCode(MEETING_TIME), time.toString()));
    }

    @Override
    public void closeLost(long dealId, String lossReason) {
        update(
                dealId,
                Map.of(
                        "STAGE_ID",
                        stageId(LOST_STAGE),
                        fieldCode(LOSS_REASON_FIELD),
                        itemId(LOSS_REASON_FIELD, lossReason)));
    }

    @Override
    public Bitrix24Deal read(long dealId) {
        JsonNode deal = call("crm.deal.get", Map.of("id", dealId));
        metadata();
        String time = deal.path(fieldCode(MEETING_TIME)).asText("");
        String reason = deal.path(fieldCode(LOSS_REASON_FIELD)).asText("");
        return new Bitrix24Deal(
                dealId,
                stageNames.get(deal.path("STAGE_ID").asText()),
                reason.isEmpty() ? null : itemValue(LOSS_REASON_FIELD, reason),
                time.isEmpty() ? null : OffsetDateTime.parse(time).toInstant());
    }

    /** The deal's stage by name. */
    public String stage(long dealId) {
        return read(dealId).stage();
    }

    @Override
    public List<String> notes(long dealId) {
        List<String> texts = new ArrayList<>();
        for (JsonNode comment : call(
                "crm.timeline.comment.list",
                Map.of("filter", Map.of("ENTITY_ID", dealId, "ENTITY_TYPE", "deal"), "order", Map.of("ID", "ASC")))) {
            texts.add(comment.path("COMMENT").asText(""));
        }
        return texts;
    }

    @Override
    public List<String> tasks(long dealId) {
        List<String> texts = new ArrayList<>();
        for (JsonNode activity :
                call("crm.activity.list", Map.of("filter", Map.of("OWNER_TYPE_ID", DEAL_TYPE, "OWNER_ID", dealId)))) {
            texts.add(activity.path("DESCRIPTION").asText(""));
        }
        return texts;
    }

    private void update(long dealId, Map<String, Object> fields) {
        call("crm.deal.update", Map.of("id", dealId, "fields", fields));
    }

    private JsonNode call(String method, Map<String, Object> params) {
        JsonNode answer = http.expectOk("POST", "/" + method + ".json", params);
        if (answer.has("error")) {
            throw new IllegalStateException("Bitrix24 " + method + " answered " + answer);
        }
        return answer.path("result");
    }

    private String stageId(String name) {
        return known(stagesByName, "deal stage", name);
    }

    private long userId(String name) {
        return known(usersByName, "user", name);
    }

    private <T> T known(Map<String, T> byName, String what, String name) {
        metadata();
        T value = byName.get(name);
        if (value == null) {
            throw new IllegalStateException(
                    "the Bitrix24 portal has no " + what + " " + name + " (known: " + byName.keySet() + ")");
        }
        return value;
    }

    private String fieldCode(String label) {
        return field(label).path("code").asText();
    }

    private String itemId(String label, String value) {
        String id = item(label, "VALUE", value, "ID");
        if (id == null) {
            throw new IllegalStateException("Bitrix24 field " + label + " has no item " + value);
        }
        return id;
    }

    private String itemValue(String label, String id) {
        String value = item(label, "ID", id, "VALUE");
        return value == null ? id : value;
    }

    /** The {@code wanted} key of the list item whose {@code key} is {@code value}; null when there is none. */
    private String item(String label, String key, String value, String wanted) {
        for (JsonNode item : field(label).path("items")) {
            if (value.equals(item.path(key).asText())) {
                return item.path(wanted).asText();
            }
        }
        return null;
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
                ObjectNode withCode = field.deepCopy();
                withCode.put("code", entry.getKey());
                fieldsByLabel.put(field.get("listLabel").asText(), withCode);
            }
        });
        for (JsonNode user : call("user.get", Map.of())) {
            String name =
                    (user.path("NAME").asText("") + " " + user.path("LAST_NAME").asText("")).strip();
            usersByName.put(name, user.path("ID").asLong());
        }
    }
}
