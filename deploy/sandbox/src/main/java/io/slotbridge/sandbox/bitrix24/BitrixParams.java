package io.slotbridge.sandbox.bitrix24;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Method parameters as Bitrix24 reads them, whether they came as JSON, a form or a query string: names are
 * case-insensitive at the top level ({@code id} = {@code ID}), numbers may be strings, lists may be indexed maps.
 */
final class BitrixParams {

    private final Map<String, Object> values;

    BitrixParams(Map<String, Object> values) {
        this.values = values;
    }

    Object get(String name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    String string(String name) {
        Object value = get(name);
        return value == null ? null : String.valueOf(value);
    }

    long requiredId(String name) {
        Long id = id(get(name));
        if (id == null || id <= 0) {
            throw BitrixErrors.required("ID is not defined or invalid.");
        }
        return id;
    }

    Map<String, Object> map(String name) {
        return asMap(get(name));
    }

    static Long id(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("-?\\d+")) {
            return Long.parseLong(text.strip());
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return new LinkedHashMap<>();
    }

    /** A JSON list, an indexed form map ({@code select[0]=ID}) or a single value, as a list. */
    static List<Object> asList(Object value) {
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        if (value instanceof Map<?, ?> map) {
            return List.copyOf(map.values());
        }
        return value == null ? List.of() : List.of(value);
    }
}
