package io.slotbridge.gateway.ingest.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies with PHP-style nested keys into a {@link FormNode} tree,
 * the way PHP's {@code parse_str} does (amoCRM and Bitrix24 are PHP shops and send exactly that).
 *
 * <p>Tolerant where real senders are sloppy: percent-decoding leaves a {@code %} that starts no valid escape as it
 * is, so bodies that arrive partly decoded (literal brackets or Cyrillic next to {@code %D0%98} escapes) read the same
 * as fully encoded ones, and keys that were encoded twice ({@code leads%255Bstatus%255D}) are decoded once more.
 * Strict where a body could hurt us: too many fields or too deep nesting is refused.
 */
public final class PhpForm {

    static final int MAX_FIELDS = 10_000;
    static final int MAX_DEPTH = 32;

    private PhpForm() {}

    public static FormNode parse(String body) {
        FormNode root = new FormNode();
        if (body == null || body.isEmpty()) {
            return root;
        }
        int fields = 0;
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++fields > MAX_FIELDS) {
                throw new MalformedBodyException("more than " + MAX_FIELDS + " form fields");
            }
            int eq = pair.indexOf('=');
            String key = decodeKey(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, key, value);
        }
        return root;
    }

    /** The decoded key of one {@code key=value} pair, as {@link #parse} reads it. */
    public static String decodeKey(String rawKey) {
        String key = decode(rawKey);
        String lower = key.toLowerCase(Locale.ROOT);
        if (key.indexOf('[') < 0 && (lower.contains("%5b") || lower.contains("%5d"))) {
            key = decode(key); // encoded twice by a proxy or a re-sending script
        }
        return key;
    }

    private static void put(FormNode root, String key, String value) {
        List<String> path = path(key);
        if (path.size() > MAX_DEPTH) {
            throw new MalformedBodyException("form key nested deeper than " + MAX_DEPTH + " levels");
        }
        FormNode node = root;
        for (String segment : path) {
            node = node.childOrCreate(segment.isEmpty() && node != root ? node.nextIndex() : segment);
        }
        node.assign(value);
    }

    /** {@code a[b][][c]} → [a, b, "", c]; a key with an unclosed bracket is one plain name, as in PHP. */
    static List<String> path(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0 || key.indexOf(']', open) < 0) {
            path.add(key);
            return path;
        }
        path.add(key.substring(0, open));
        int at = open;
        while (at < key.length() && key.charAt(at) == '[') {
            int close = key.indexOf(']', at);
            if (close < 0) {
                break; // PHP drops an unterminated trailing segment
            }
            path.add(key.substring(at + 1, close));
            at = close + 1;
        }
        return path;
    }

    /** Percent-decoding that keeps invalid escapes literally and reads {@code +} as a space. */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 3;
            } else if (c < 0x80) {
                bytes.write(c); // ASCII is one UTF-8 byte: no per-character String on the hot path
                i++;
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int index) {
        if (index >= s.length()) {
            return false;
        }
        char c = s.charAt(index);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
