package io.slotbridge.sandbox.bitrix24;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One emulated Bitrix24 portal: deal pipelines (categories) and stages, deal user fields, deals, contacts, timeline
 * comments, to-do activities and bound event handlers. Values are kept as PHP would return them: ids and numbers as
 * strings, dates as ISO 8601 with the portal's offset. Every public method holds the portal's lock.
 */
public final class BitrixPortal {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** A deal stage: {@code semantics} is P (process), S (success) or F (failure). */
    record Stage(String statusId, String name, int sort, String semantics, String color, int categoryId) {}

    record Category(int id, String name, int sort, boolean isDefault) {}

    /** A deal user field; {@code items} (ID → VALUE) only for enumerations. */
    record UserField(String name, String type, String label, Map<String, String> items) {}

    /** A portal user; tenants name people by their work e-mail, as in amoCRM. */
    record User(String name, String email) {}

    record Handler(String event, String handler, int authType, boolean offline) {}

    /** A change that fires an event: its code and the id in {@code data[FIELDS][ID]}. */
    record Fired(String event, long id) {}

    final String name;
    final String memberId;
    final String applicationToken;
    private final Clock clock;
    final List<Category> categories = new ArrayList<>();
    final List<Stage> stages = new ArrayList<>();
    final List<UserField> userFields = new ArrayList<>();
    final Map<Long, User> users = new LinkedHashMap<>();

    private final TreeMap<Long, Map<String, Object>> deals = new TreeMap<>();
    private final TreeMap<Long, Map<String, Object>> contacts = new TreeMap<>();
    private final TreeMap<Long, Map<String, Object>> comments = new TreeMap<>();
    private final TreeMap<Long, Map<String, Object>> activities = new TreeMap<>();
    private final List<Handler> handlers = new ArrayList<>();
    private long nextDealId = 1001;
    private long nextContactId = 2001;
    private long nextCommentId = 3001;
    private long nextActivityId = 4001;

    BitrixPortal(String name, String memberId, String applicationToken, Clock clock) {
        this.name = name;
        this.memberId = memberId;
        this.applicationToken = applicationToken;
        this.clock = clock;
    }

    String now() {
        return DATE_TIME.format(
                ZonedDateTime.now(clock).withZoneSameInstant(ZONE).withNano(0));
    }

    synchronized Stage stage(String statusId) {
        return stages.stream()
                .filter(s -> s.statusId().equals(statusId))
                .findFirst()
                .orElse(null);
    }

    synchronized UserField userField(String name) {
        return userFields.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    synchronized List<Stage> stages() {
        return List.copyOf(stages);
    }

    synchronized List<Category> categories() {
        return List.copyOf(categories);
    }

    synchronized List<UserField> userFields() {
        return List.copyOf(userFields);
    }

    // ---- deals ----

    synchronized Map<String, Object> deal(long id) {
        Map<String, Object> deal = deals.get(id);
        return deal == null ? null : new LinkedHashMap<>(deal);
    }

    synchronized List<Map<String, Object>> deals() {
        return deals.values().stream()
                .map(d -> (Map<String, Object>) new LinkedHashMap<>(d))
                .toList();
    }

    /** Adds a deal from already validated {@code fields}; the first stage of its category unless given. */
    synchronized long addDeal(Map<String, Object> fields, long userId) {
        long id = nextDealId++;
        String now = now();
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("ID", String.valueOf(id));
        deal.put("TITLE", "");
        deal.put("TYPE_ID", "SALE");
        deal.put("STAGE_ID", firstStage(0).statusId());
        deal.put("PROBABILITY", null);
        deal.put("CURRENCY_ID", "RUB");
        deal.put("OPPORTUNITY", "0.00");
        deal.put("IS_MANUAL_OPPORTUNITY", "N");
        deal.put("TAX_VALUE", "0.00");
        deal.put("LEAD_ID", null);
        deal.put("COMPANY_ID", "0");
        deal.put("CONTACT_ID", null);
        deal.put("QUOTE_ID", null);
        deal.put("BEGINDATE", now);
        deal.put("CLOSEDATE", now);
        deal.put("ASSIGNED_BY_ID", String.valueOf(userId));
        deal.put("CREATED_BY_ID", String.valueOf(userId));
        deal.put("MODIFY_BY_ID", String.valueOf(userId));
        deal.put("DATE_CREATE", now);
        deal.put("DATE_MODIFY", now);
        deal.put("OPENED", "Y");
        deal.put("CLOSED", "N");
        deal.put("COMMENTS", null);
        deal.put("ADDITIONAL_INFO", null);
        deal.put("LOCATION_ID", null);
        deal.put("CATEGORY_ID", "0");
        deal.put("STAGE_SEMANTIC_ID", "P");
        deal.put("IS_NEW", "Y");
        deal.put("IS_RECURRING", "N");
        deal.put("IS_RETURN_CUSTOMER", "N");
        deal.put("IS_REPEATED_APPROACH", "N");
        deal.put("SOURCE_ID", null);
        deal.put("SOURCE_DESCRIPTION", null);
        deal.put("ORIGINATOR_ID", null);
        deal.put("ORIGIN_ID", null);
        deal.put("MOVED_BY_ID", String.valueOf(userId));
        deal.put("MOVED_TIME", now);
        for (UserField field : userFields) {
            deal.put(field.name(), null);
        }
        if (fields.containsKey("CATEGORY_ID") && !fields.containsKey("STAGE_ID")) {
            deal.put(
                    "STAGE_ID",
                    firstStage(Integer.parseInt(String.valueOf(fields.get("CATEGORY_ID"))))
                            .statusId());
        }
        deal.putAll(fields);
        applyStage(deal, String.valueOf(deal.get("STAGE_ID")), userId, now);
        deals.put(id, deal);
        return id;
    }

    /** Updates a deal with validated fields; false when nothing changed. */
    synchronized boolean updateDeal(long id, Map<String, Object> fields, long userId) {
        Map<String, Object> deal = deals.get(id);
        Map<String, Object> before = new LinkedHashMap<>(deal);
        String now = now();
        String oldStage = String.valueOf(deal.get("STAGE_ID"));
        deal.putAll(fields);
        String stage = String.valueOf(deal.get("STAGE_ID"));
        if (fields.containsKey("CATEGORY_ID") && !fields.containsKey("STAGE_ID")) {
            stage = firstStage(Integer.parseInt(String.valueOf(fields.get("CATEGORY_ID"))))
                    .statusId();
        }
        if (!stage.equals(oldStage)) {
            deal.put("MOVED_BY_ID", String.valueOf(userId));
            deal.put("MOVED_TIME", now);
        }
        applyStage(deal, stage, userId, now);
        if (deal.equals(before)) {
            return false;
        }
        deal.put("IS_NEW", "N");
        deal.put("MODIFY_BY_ID", String.valueOf(userId));
        deal.put("DATE_MODIFY", now);
        return true;
    }

    private void applyStage(Map<String, Object> deal, String statusId, long userId, String now) {
        Stage stage = stage(statusId);
        deal.put("STAGE_ID", stage.statusId());
        deal.put("CATEGORY_ID", String.valueOf(stage.categoryId()));
        deal.put("STAGE_SEMANTIC_ID", stage.semantics());
        boolean closed = !"P".equals(stage.semantics());
        if (closed && "N".equals(deal.get("CLOSED"))) {
            deal.put("CLOSEDATE", now);
        }
        deal.put("CLOSED", closed ? "Y" : "N");
    }

    private Stage firstStage(int categoryId) {
        return stages.stream()
                .filter(s -> s.categoryId() == categoryId)
                .findFirst()
                .orElseThrow(() -> BitrixErrors.invalidArgument("Pipeline " + categoryId + " not found"));
    }

    // ---- contacts, timeline, activities ----

    synchronized long addContact(Map<String, Object> fields, long userId) {
        long id = nextContactId++;
        String now = now();
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("ID", String.valueOf(id));
        contact.put("NAME", null);
        contact.put("LAST_NAME", null);
        contact.put("ASSIGNED_BY_ID", String.valueOf(userId));
        contact.put("DATE_CREATE", now);
        contact.put("DATE_MODIFY", now);
        contact.put("HAS_PHONE", "N");
        contact.putAll(fields);
        if (contact.get("PHONE") instanceof List<?> phones && !phones.isEmpty()) {
            contact.put("HAS_PHONE", "Y");
        }
        contacts.put(id, contact);
        return id;
    }

    synchronized Map<String, Object> contact(long id) {
        Map<String, Object> contact = contacts.get(id);
        return contact == null ? null : new LinkedHashMap<>(contact);
    }

    synchronized long addComment(long entityId, String entityType, String comment, long userId) {
        long id = nextCommentId++;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", String.valueOf(id));
        row.put("CREATED", now());
        row.put("ENTITY_ID", String.valueOf(entityId));
        row.put("ENTITY_TYPE", entityType);
        row.put("AUTHOR_ID", String.valueOf(userId));
        row.put("COMMENT", comment);
        comments.put(id, row);
        return id;
    }

    synchronized List<Map<String, Object>> comments() {
        return comments.values().stream()
                .map(c -> (Map<String, Object>) new LinkedHashMap<>(c))
                .toList();
    }

    synchronized long addActivity(Map<String, Object> todo) {
        long id = nextActivityId++;
        Map<String, Object> row = new LinkedHashMap<>(todo);
        row.put("ID", String.valueOf(id));
        row.put("CREATED", now());
        row.put("COMPLETED", "N");
        activities.put(id, row);
        return id;
    }

    synchronized List<Map<String, Object>> activities() {
        return activities.values().stream()
                .map(a -> (Map<String, Object>) new LinkedHashMap<>(a))
                .toList();
    }

    // ---- event handlers ----

    /** Offline handlers have no URL: one per event. */
    synchronized boolean bind(Handler handler) {
        boolean exists = handlers.stream()
                .anyMatch(h -> h.event().equals(handler.event())
                        && h.offline() == handler.offline()
                        && Objects.equals(h.handler(), handler.handler()));
        if (!exists) {
            handlers.add(handler);
        }
        return !exists;
    }

    synchronized int unbind(String event, String handler, boolean offline) {
        int before = handlers.size();
        handlers.removeIf(h -> h.event().equals(event)
                && h.offline() == offline
                && (offline || handler == null || h.handler().equals(handler)));
        return before - handlers.size();
    }

    /** Deletes every handler, online and offline (what Bitrix24 does with an uninstalled application's). */
    synchronized int unbindAll() {
        int count = handlers.size();
        handlers.clear();
        return count;
    }

    synchronized List<Handler> handlers() {
        return List.copyOf(handlers);
    }

    /** The handler's id, as sent in {@code event_handler_id}. */
    synchronized int handlerId(Handler handler) {
        return handlers.indexOf(handler) + 1;
    }
}
