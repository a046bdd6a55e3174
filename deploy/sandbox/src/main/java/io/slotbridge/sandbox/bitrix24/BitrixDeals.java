package io.slotbridge.sandbox.bitrix24;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Deal fields in both of Bitrix24's dialects: {@code crm.deal.*} (UPPER_CASE, values as strings) and
 * {@code crm.item.*} for entityTypeId 2 (camelCase, typed values); validation of written values; list filters with
 * Bitrix24's operator prefixes ({@code >DATE_MODIFY}, {@code !STAGE_ID}, {@code @ID}).
 */
final class BitrixDeals {

    /** Deal fields a client may write, with their crm.item names. */
    static final Map<String, String> WRITABLE = new LinkedHashMap<>();

    /** Every standard deal field with its crm.item name. */
    static final Map<String, String> ITEM_NAMES = new LinkedHashMap<>();

    private static final Set<String> INTEGER_FIELDS = Set.of(
            "ID",
            "CATEGORY_ID",
            "ASSIGNED_BY_ID",
            "CREATED_BY_ID",
            "MODIFY_BY_ID",
            "MOVED_BY_ID",
            "CONTACT_ID",
            "COMPANY_ID",
            "LEAD_ID");

    static {
        WRITABLE.put("TITLE", "title");
        WRITABLE.put("TYPE_ID", "typeId");
        WRITABLE.put("STAGE_ID", "stageId");
        WRITABLE.put("CATEGORY_ID", "categoryId");
        WRITABLE.put("CURRENCY_ID", "currencyId");
        WRITABLE.put("OPPORTUNITY", "opportunity");
        WRITABLE.put("ASSIGNED_BY_ID", "assignedById");
        WRITABLE.put("CONTACT_ID", "contactId");
        WRITABLE.put("COMMENTS", "comments");
        WRITABLE.put("SOURCE_ID", "sourceId");
        WRITABLE.put("SOURCE_DESCRIPTION", "sourceDescription");
        WRITABLE.put("BEGINDATE", "begindate");
        WRITABLE.put("CLOSEDATE", "closedate");
        WRITABLE.put("OPENED", "opened");
        ITEM_NAMES.put("ID", "id");
        ITEM_NAMES.putAll(WRITABLE);
        ITEM_NAMES.put("STAGE_SEMANTIC_ID", "stageSemanticId");
        ITEM_NAMES.put("CLOSED", "closed");
        ITEM_NAMES.put("CREATED_BY_ID", "createdBy");
        ITEM_NAMES.put("MODIFY_BY_ID", "updatedBy");
        ITEM_NAMES.put("MOVED_BY_ID", "movedBy");
        ITEM_NAMES.put("DATE_CREATE", "createdTime");
        ITEM_NAMES.put("DATE_MODIFY", "updatedTime");
        ITEM_NAMES.put("MOVED_TIME", "movedTime");
        ITEM_NAMES.put("IS_NEW", "isNew");
        ITEM_NAMES.put("COMPANY_ID", "companyId");
        ITEM_NAMES.put("LEAD_ID", "leadId");
    }

    private BitrixDeals() {}

    /** The deal field behind a crm.item name ({@code stageId} → STAGE_ID, {@code ufCrm17…} → UF_CRM_17…). */
    static String dealName(String itemName) {
        for (Map.Entry<String, String> entry : ITEM_NAMES.entrySet()) {
            if (entry.getValue().equals(itemName)) {
                return entry.getKey();
            }
        }
        if (itemName.startsWith("ufCrm")) {
            return "UF_CRM_" + itemName.substring(5).replaceFirst("^_", "").toUpperCase(Locale.ROOT);
        }
        return itemName.toUpperCase(Locale.ROOT);
    }

    static String itemName(String dealName) {
        if (ITEM_NAMES.containsKey(dealName)) {
            return ITEM_NAMES.get(dealName);
        }
        if (dealName.startsWith("UF_CRM_")) {
            return "ufCrm" + dealName.substring(7);
        }
        return dealName.toLowerCase(Locale.ROOT);
    }

    /** Validated fields in deal form; unknown fields are ignored, as Bitrix24 does. */
    static Map<String, Object> validated(BitrixPortal portal, Map<String, Object> fields, boolean itemNames) {
        Map<String, Object> result = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            String name = itemNames ? dealName(key) : key.toUpperCase(Locale.ROOT);
            if (WRITABLE.containsKey(name)) {
                result.put(name, standard(portal, name, value));
            } else if (name.startsWith("UF_CRM_")) {
                BitrixPortal.UserField field = portal.userField(name);
                if (field != null) {
                    result.put(name, userFieldValue(field, value));
                }
            }
        });
        return result;
    }

    private static Object standard(BitrixPortal portal, String name, Object value) {
        String text = value == null ? null : String.valueOf(value);
        switch (name) {
            case "STAGE_ID" -> {
                if (text == null || portal.stage(text) == null) {
                    throw BitrixErrors.invalidArgument("Stage " + text + " not found");
                }
            }
            case "CATEGORY_ID" -> {
                if (text == null
                        || portal.categories().stream()
                                .noneMatch(c -> String.valueOf(c.id()).equals(text))) {
                    throw BitrixErrors.invalidArgument("Category " + text + " not found");
                }
            }
            case "OPPORTUNITY" -> {
                try {
                    return String.format(Locale.ROOT, "%.2f", Double.parseDouble(text));
                } catch (NumberFormatException | NullPointerException e) {
                    throw BitrixErrors.invalidArgument("OPPORTUNITY must be a number");
                }
            }
            default -> {}
        }
        return text;
    }

    private static Object userFieldValue(BitrixPortal.UserField field, Object value) {
        if (value == null || "".equals(value)) {
            return null;
        }
        String text = String.valueOf(value);
        return switch (field.type()) {
            case "enumeration" -> {
                if (!field.items().containsKey(text)) {
                    throw BitrixErrors.invalidArgument(
                            "Value " + text + " is not an item of " + field.name() + " (" + field.label() + ")");
                }
                yield text;
            }
            case "datetime" -> dateTime(field, text);
            default -> text;
        };
    }

    /** ISO 8601 with an offset; without one, or as dd.MM.yyyy HH:mm:ss, in the portal's time zone. */
    private static String dateTime(BitrixPortal.UserField field, String text) {
        try {
            return BitrixPortal.DATE_TIME.format(OffsetDateTime.parse(text).atZoneSameInstant(BitrixPortal.ZONE));
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset
        }
        for (DateTimeFormatter format :
                List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"))) {
            try {
                return BitrixPortal.DATE_TIME.format(
                        LocalDateTime.parse(text, format).atZone(BitrixPortal.ZONE));
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw BitrixErrors.invalidArgument("Invalid date/time for " + field.name() + ": " + text);
    }

    /** A deal in crm.item form. */
    static Map<String, Object> asItem(Map<String, Object> deal) {
        Map<String, Object> item = new LinkedHashMap<>();
        deal.forEach((name, value) -> {
            if (value != null && INTEGER_FIELDS.contains(name)) {
                item.put(itemName(name), Long.parseLong(String.valueOf(value)));
            } else if ("OPPORTUNITY".equals(name)) {
                item.put("opportunity", Double.parseDouble(String.valueOf(value)));
            } else {
                item.put(itemName(name), value);
            }
        });
        Object contact = deal.get("CONTACT_ID");
        item.put("contactIds", contact == null ? List.of() : List.of(Long.parseLong(String.valueOf(contact))));
        return item;
    }

    /** Only the selected fields: {@code *} = standard fields, {@code UF_*} = user fields, else by name. */
    static Map<String, Object> selected(Map<String, Object> deal, List<Object> select, boolean defaultAll) {
        if (select.isEmpty()) {
            if (defaultAll) {
                return deal;
            }
            select = List.of("*");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : deal.entrySet()) {
            String name = entry.getKey();
            boolean userField = name.startsWith("UF_");
            if (select.contains(name)
                    || (!userField && select.contains("*"))
                    || (userField && select.contains("UF_*"))) {
                result.put(name, entry.getValue());
            }
        }
        if (!result.containsKey("ID")) {
            Map<String, Object> withId = new LinkedHashMap<>();
            withId.put("ID", deal.get("ID"));
            withId.putAll(result);
            return withId;
        }
        return result;
    }

    /** {@code filter} with Bitrix24's prefixes: {@code >=}, {@code <=}, {@code >}, {@code <}, {@code !}, {@code @}, {@code %}. */
    static Predicate<Map<String, Object>> filter(Map<String, Object> filter, boolean itemNames) {
        Predicate<Map<String, Object>> predicate = deal -> true;
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            String op = key.replaceAll("^([<>!@%=]*).*$", "$1");
            String field = key.substring(op.length());
            String name = itemNames ? dealName(field) : field.toUpperCase(Locale.ROOT);
            List<Object> wanted = BitrixParams.asList(entry.getValue());
            predicate = predicate.and(deal -> matches(deal.get(name), op, wanted));
        }
        return predicate;
    }

    private static boolean matches(Object actual, String op, List<Object> wanted) {
        String value = actual == null ? "" : String.valueOf(actual);
        return switch (op) {
            case ">" -> wanted.stream().allMatch(w -> compare(value, w) > 0);
            case ">=" -> wanted.stream().allMatch(w -> compare(value, w) >= 0);
            case "<" -> wanted.stream().allMatch(w -> compare(value, w) < 0);
            case "<=" -> wanted.stream().allMatch(w -> compare(value, w) <= 0);
            case "!", "!=" -> wanted.stream().noneMatch(w -> compare(value, w) == 0);
            case "%" ->
                wanted.stream().anyMatch(w -> value.toLowerCase(Locale.ROOT)
                        .contains(String.valueOf(w).toLowerCase(Locale.ROOT)));
            default -> wanted.stream().anyMatch(w -> compare(value, w) == 0);
        };
    }

    private static int compare(String actual, Object wanted) {
        String other = wanted == null ? "" : String.valueOf(wanted);
        try {
            return Double.compare(Double.parseDouble(actual), Double.parseDouble(other));
        } catch (NumberFormatException notNumbers) {
            try {
                return OffsetDateTime.parse(actual).compareTo(OffsetDateTime.parse(other));
            } catch (DateTimeParseException notDates) {
                return actual.compareTo(other);
            }
        }
    }

    /** {@code order: {"DATE_MODIFY": "DESC"}}; ID ascending by default. */
    static Comparator<Map<String, Object>> order(Map<String, Object> order, boolean itemNames) {
        Comparator<Map<String, Object>> comparator =
                Comparator.comparingLong(d -> Long.parseLong(String.valueOf(d.get("ID"))));
        List<Comparator<Map<String, Object>>> parts = new ArrayList<>();
        order.forEach((field, direction) -> {
            String name = itemNames ? dealName(field) : field.toUpperCase(Locale.ROOT);
            Comparator<Map<String, Object>> by =
                    (a, b) -> compare(a.get(name) == null ? "" : String.valueOf(a.get(name)), b.get(name));
            parts.add("DESC".equalsIgnoreCase(String.valueOf(direction)) ? by.reversed() : by);
        });
        Comparator<Map<String, Object>> result = null;
        for (Comparator<Map<String, Object>> part : parts) {
            result = result == null ? part : result.thenComparing(part);
        }
        return result == null ? comparator : result.thenComparing(comparator);
    }
}
