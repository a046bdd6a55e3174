package io.slotbridge.gateway.ingest.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of a PHP-style form tree ({@code leads[status][0][id]=1} becomes leads → status → 0 → id = "1"). A node
 * can hold a scalar and children at the same time, because real amoCRM bodies send both for one path
 * ({@code note[type]=3} next to {@code note[type][message_uuid]=…}). Children keep the order of the body.
 */
public final class FormNode {

    private String value;
    private final Map<String, FormNode> children = new LinkedHashMap<>();

    /** The scalar at this node, or null. */
    public String value() {
        return value;
    }

    public Map<String, FormNode> children() {
        return Collections.unmodifiableMap(children);
    }

    /** The child at a path of keys, or null when any step is missing. */
    public FormNode at(String... path) {
        FormNode node = this;
        for (String key : path) {
            node = node.children.get(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The trimmed, non-empty scalar at a path of keys, or null. */
    public String text(String... path) {
        FormNode node = at(path);
        if (node == null || node.value == null) {
            return null;
        }
        String trimmed = node.value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }

    void assign(String scalar) {
        this.value = scalar;
    }

    FormNode childOrCreate(String key) {
        return children.computeIfAbsent(key, k -> new FormNode());
    }

    /** PHP's {@code key[]}: the next free integer index. */
    String nextIndex() {
        int index = children.size();
        while (children.containsKey(Integer.toString(index))) {
            index++;
        }
        return Integer.toString(index);
    }

    @Override
    public String toString() {
        return children.isEmpty() ? String.valueOf(value) : (value == null ? "" : value + " ") + children;
    }
}
