package io.slotbridge.sandbox.core;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PHP's form encoding of nested arrays, as amoCRM webhooks and Bitrix24 events use it:
 * {@code leads[status][0][id]=1} ⇄ {@code {"leads":{"status":{"0":{"id":"1"}}}}}. Lists encode with their index.
 */
public final class PhpForm {

    private PhpForm() {}

    /** One {@code key=value} pair, unencoded. */
    public record Pair(String key, String value) {}

    /** Flattens maps and lists into bracket keys, in iteration order; nulls are skipped. */
    public static List<Pair> flatten(Map<String, ?> tree) {
        List<Pair> pairs = new ArrayList<>();
        tree.forEach((key, value) -> flatten(key, value, pairs));
        return pairs;
    }

    /** {@code application/x-www-form-urlencoded} body of the tree, UTF-8. */
    public static String encode(Map<String, ?> tree) {
        StringBuilder body = new StringBuilder();
        for (Pair pair : flatten(tree)) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pair.key(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pair.value(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** Parses an urlencoded body or query string into nested maps (every leaf a String), like PHP's parse_str. */
    public static Map<String, Object> parse(String encoded) {
        List<Pair> pairs = new ArrayList<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String part : encoded.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                pairs.add(new Pair(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            }
        }
        return tree(pairs);
    }

    /** Nests already decoded pairs; {@code a[]=x} appends with the next free index. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> tree(List<Pair> pairs) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            List<String> path = path(pair.key());
            Map<String, Object> node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                String segment = segment(node, path.get(i));
                Object child = node.get(segment);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(segment, child);
                }
                node = (Map<String, Object>) child;
            }
            node.put(segment(node, path.get(path.size() - 1)), pair.value());
        }
        return root;
    }

    private static String segment(Map<String, Object> node, String segment) {
        return segment.isEmpty() ? String.valueOf(node.size()) : segment;
    }

    private static List<String> path(String key) {
        int open = key.indexOf('[');
        if (open <= 0 || !key.endsWith("]")) {
            return List.of(key);
        }
        List<String> path = new ArrayList<>();
        path.add(key.substring(0, open));
        int at = open;
        while (at < key.length() && key.charAt(at) == '[') {
            int close = key.indexOf(']', at);
            if (close < 0) {
                break;
            }
            path.add(key.substring(at + 1, close));
            at = close + 1;
        }
        return path;
    }

    private static void flatten(String key, Object value, List<Pair> pairs) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(key + "[" + k + "]", v, pairs));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(key + "[" + i + "]", list.get(i), pairs);
            }
        } else if (value instanceof Boolean bool) {
            pairs.add(new Pair(key, bool ? "1" : "0"));
        } else {
            pairs.add(new Pair(key, String.valueOf(value)));
        }
    }
}
