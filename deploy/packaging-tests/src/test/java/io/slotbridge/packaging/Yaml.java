package io.slotbridge.packaging;

import java.util.List;
import java.util.Map;

/** Typed access to parsed YAML, failing with the path when the shape is not the expected one. */
final class Yaml {

    private Yaml() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + describe(node));
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List<?>)) {
            throw new AssertionError("expected a sequence, found " + describe(node));
        }
        return (List<Object>) node;
    }

    /** A sequence of scalars, or one scalar (Compose accepts both for test, command and entrypoint). */
    static List<String> strings(Object node) {
        if (node instanceof String single) {
            return List.of(single);
        }
        return list(node).stream().map(String::valueOf).toList();
    }

    static Map<String, Object> path(Map<String, Object> root, String... keys) {
        Map<String, Object> node = root;
        for (String key : keys) {
            Object next = node.get(key);
            if (next == null) {
                throw new AssertionError("missing " + key + " in " + node.keySet());
            }
            node = map(next);
        }
        return node;
    }

    private static String describe(Object node) {
        return node == null ? "nothing" : node.getClass().getSimpleName() + " " + node;
    }
}
