package io.slotbridge.sandbox.bitrix24;

import static io.slotbridge.sandbox.bitrix24.BitrixParams.asList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Bitrix24 REST methods the sandbox serves, by name. Events they fire are collected in {@code fired}. */
@Component
public class BitrixMethods {

    static final int PAGE_SIZE = 50;
    private static final int DEAL_ENTITY_TYPE = 2;

    /** A method's result; list methods add {@code total} and {@code next}. */
    record Result(Object result, Integer total, Integer next) {
        static Result of(Object result) {
            return new Result(result, null, null);
        }
    }

    private final BitrixOfflineQueue offline;

    public BitrixMethods(BitrixOfflineQueue offline) {
        this.offline = offline;
    }

    Result call(BitrixPortal portal, String method, BitrixParams params, long userId, List<BitrixPortal.Fired> fired) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "crm.deal.add" -> dealAdd(portal, params.map("fields"), false, userId, fired);
            case "crm.deal.get" -> Result.of(deal(portal, params.requiredId("id")));
            case "crm.deal.list" -> dealList(portal, params, false);
            case "crm.deal.update" ->
                dealUpdate(portal, params.requiredId("id"), params.map("fields"), false, userId, fired);
            case "crm.deal.fields" -> Result.of(BitrixFields.dealFields(portal));
            case "crm.item.add" -> itemCall(params, () -> dealAdd(portal, params.map("fields"), true, userId, fired));
            case "crm.item.get" ->
                itemCall(
                        params,
                        () -> Result.of(Map.of("item", BitrixDeals.asItem(deal(portal, params.requiredId("id"))))));
            case "crm.item.list" -> itemCall(params, () -> dealList(portal, params, true));
            case "crm.item.update" ->
                itemCall(
                        params,
                        () -> dealUpdate(portal, params.requiredId("id"), params.map("fields"), true, userId, fired));
            case "crm.contact.add" -> contactAdd(portal, params.map("fields"), userId, fired);
            case "crm.contact.get" -> Result.of(contact(portal, params.requiredId("id")));
            case "crm.status.list" -> Result.of(BitrixFields.statuses(portal, params.map("filter")));
            case "crm.category.list" ->
                itemCall(params, () -> Result.of(Map.of("categories", BitrixFields.categories(portal))));
            case "crm.timeline.comment.add" -> commentAdd(portal, params.map("fields"), userId, fired);
            case "crm.timeline.comment.list" -> Result.of(filtered(portal.comments(), params.map("filter")));
            case "crm.activity.todo.add" -> todoAdd(portal, params, userId, fired);
            case "crm.activity.list" -> Result.of(filtered(portal.activities(), params.map("filter")));
            case "event.bind" -> eventBind(portal, params);
            case "event.get" ->
                Result.of(portal.handlers().stream().map(BitrixMethods::handler).toList());
            case "user.get" -> users(portal);
            case "event.unbind" ->
                Result.of(Map.of(
                        "count",
                        portal.unbind(
                                upper(params.string("event")),
                                params.string("handler"),
                                "offline".equalsIgnoreCase(params.string("event_type")))));
            case "event.offline.get" -> Result.of(offline.get(portal, params));
            case "event.offline.clear" -> Result.of(offline.clear(portal, params));
            case "event.offline.error" -> Result.of(offline.error(portal, params));
            default -> throw BitrixErrors.methodNotFound(method);
        };
    }

    /** The portal's users (one page: the sandbox's portals are small). */
    private static Result users(BitrixPortal portal) {
        List<Map<String, Object>> users = new ArrayList<>();
        synchronized (portal) {
            portal.users.forEach((id, user) -> users.add(Map.of(
                    "ID",
                    String.valueOf(id),
                    "ACTIVE",
                    true,
                    "NAME",
                    user.name(),
                    "LAST_NAME",
                    "",
                    "EMAIL",
                    user.email())));
        }
        return new Result(users, users.size(), null);
    }

    private static Result itemCall(BitrixParams params, java.util.function.Supplier<Result> call) {
        Long entityTypeId = BitrixParams.id(params.get("entityTypeId"));
        if (entityTypeId == null || entityTypeId != DEAL_ENTITY_TYPE) {
            throw BitrixErrors.invalidArgument("The sandbox serves crm.item.* for deals only (entityTypeId=2)");
        }
        return call.get();
    }

    private static Map<String, Object> deal(BitrixPortal portal, long id) {
        Map<String, Object> deal = portal.deal(id);
        if (deal == null) {
            throw BitrixErrors.notFound();
        }
        return deal;
    }

    private static Result dealAdd(
            BitrixPortal portal,
            Map<String, Object> fields,
            boolean item,
            long userId,
            List<BitrixPortal.Fired> fired) {
        long id = portal.addDeal(BitrixDeals.validated(portal, fields, item), userId);
        fired.add(new BitrixPortal.Fired("ONCRMDEALADD", id));
        return Result.of(item ? Map.of("item", BitrixDeals.asItem(portal.deal(id))) : id);
    }

    /** Fires ONCRMDEALUPDATE even when nothing changed: the real portal does, our own writes included. */
    private static Result dealUpdate(
            BitrixPortal portal,
            long id,
            Map<String, Object> fields,
            boolean item,
            long userId,
            List<BitrixPortal.Fired> fired) {
        deal(portal, id);
        portal.updateDeal(id, BitrixDeals.validated(portal, fields, item), userId);
        fired.add(new BitrixPortal.Fired("ONCRMDEALUPDATE", id));
        return Result.of(item ? Map.of("item", BitrixDeals.asItem(portal.deal(id))) : true);
    }

    private static Result dealList(BitrixPortal portal, BitrixParams params, boolean item) {
        List<Map<String, Object>> deals = new ArrayList<>(portal.deals().stream()
                .filter(BitrixDeals.filter(params.map("filter"), item))
                .toList());
        deals.sort(BitrixDeals.order(params.map("order"), item));
        Long start = BitrixParams.id(params.get("start"));
        boolean count = start == null || start >= 0;
        int from = start == null || start < 0 ? 0 : (int) Math.min(start, deals.size());
        List<Map<String, Object>> page = deals.subList(from, Math.min(from + PAGE_SIZE, deals.size()));
        List<Object> select = asList(params.get("select"));
        List<Object> rows = page.stream()
                .map(d -> item
                        ? (Object) BitrixDeals.asItem(
                                select.isEmpty() ? d : BitrixDeals.selected(d, dealNames(select), true))
                        : BitrixDeals.selected(d, select, false))
                .toList();
        Integer next = count && from + PAGE_SIZE < deals.size() ? from + PAGE_SIZE : null;
        return new Result(item ? Map.of("items", rows) : rows, count ? deals.size() : null, next);
    }

    private static List<Object> dealNames(List<Object> itemSelect) {
        return itemSelect.stream()
                .map(String::valueOf)
                .map(name -> "*".equals(name) || "UF_*".equals(name) ? name : BitrixDeals.dealName(name))
                .map(Object.class::cast)
                .toList();
    }

    private static Result contactAdd(
            BitrixPortal portal, Map<String, Object> fields, long userId, List<BitrixPortal.Fired> fired) {
        Map<String, Object> contact = new LinkedHashMap<>();
        fields.forEach((key, value) -> contact.put(key.toUpperCase(Locale.ROOT), value));
        long id = portal.addContact(contact, userId);
        fired.add(new BitrixPortal.Fired("ONCRMCONTACTADD", id));
        return Result.of(id);
    }

    private static Map<String, Object> contact(BitrixPortal portal, long id) {
        Map<String, Object> contact = portal.contact(id);
        if (contact == null) {
            throw BitrixErrors.notFound();
        }
        return contact;
    }

    private static Result commentAdd(
            BitrixPortal portal, Map<String, Object> fields, long userId, List<BitrixPortal.Fired> fired) {
        BitrixParams comment = new BitrixParams(fields);
        long entityId = comment.requiredId("ENTITY_ID");
        String entityType = String.valueOf(comment.get("ENTITY_TYPE")).toLowerCase(Locale.ROOT);
        String text = comment.string("COMMENT");
        if (text == null || text.isBlank()) {
            throw BitrixErrors.required("Required fields: COMMENT");
        }
        if ("deal".equals(entityType)) {
            deal(portal, entityId);
        }
        long id = portal.addComment(entityId, entityType, text, userId);
        fired.add(new BitrixPortal.Fired("ONCRMTIMELINECOMMENTADD", id));
        return Result.of(id);
    }

    private static Result todoAdd(
            BitrixPortal portal, BitrixParams params, long userId, List<BitrixPortal.Fired> fired) {
        long ownerTypeId = params.requiredId("ownerTypeId");
        long ownerId = params.requiredId("ownerId");
        String deadline = params.string("deadline");
        if (deadline == null || deadline.isBlank()) {
            throw BitrixErrors.required("Required parameter \"deadline\" is missing");
        }
        if (ownerTypeId == DEAL_ENTITY_TYPE) {
            deal(portal, ownerId);
        }
        Map<String, Object> todo = new LinkedHashMap<>();
        todo.put("OWNER_TYPE_ID", String.valueOf(ownerTypeId));
        todo.put("OWNER_ID", String.valueOf(ownerId));
        todo.put("PROVIDER_ID", "CRM_TODO");
        todo.put("SUBJECT", params.string("title") == null ? "" : params.string("title"));
        todo.put("DESCRIPTION", params.string("description") == null ? "" : params.string("description"));
        todo.put("DEADLINE", deadline);
        Long responsible = BitrixParams.id(params.get("responsibleId"));
        todo.put("RESPONSIBLE_ID", String.valueOf(responsible == null ? userId : responsible));
        long id = portal.addActivity(todo);
        fired.add(new BitrixPortal.Fired("ONCRMACTIVITYADD", id));
        return Result.of(Map.of("id", id));
    }

    private static Result eventBind(BitrixPortal portal, BitrixParams params) {
        String event = upper(params.string("event"));
        String handler = params.string("handler");
        boolean offline = "offline".equalsIgnoreCase(params.string("event_type"));
        if (event == null || (!offline && (handler == null || !handler.matches("https?://.+")))) {
            throw BitrixErrors.invalidArgument("Wrong handler URL");
        }
        Long authType = BitrixParams.id(params.get("auth_type"));
        boolean added = portal.bind(
                new BitrixPortal.Handler(event, handler, authType == null ? 0 : authType.intValue(), offline));
        if (!added) {
            throw BitrixErrors.error(400, "ERROR_EVENT_HANDLER_ALREADY_BINDED", "Handler already binded");
        }
        return Result.of(true);
    }

    private static Map<String, Object> handler(BitrixPortal.Handler handler) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", handler.event());
        json.put("handler", handler.handler());
        json.put("auth_type", String.valueOf(handler.authType()));
        json.put("offline", handler.offline() ? 1 : 0);
        return json;
    }

    private static List<Map<String, Object>> filtered(List<Map<String, Object>> rows, Map<String, Object> filter) {
        return rows.stream().filter(BitrixDeals.filter(filter, false)).toList();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
