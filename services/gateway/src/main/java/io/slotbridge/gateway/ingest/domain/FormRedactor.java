package io.slotbridge.gateway.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Replaces the values of credential fields in a form body with {@code ***}, keeping every other byte as sent, so
 * the archive holds the request exactly minus its secrets.
 */
public final class FormRedactor {

    public static final String MASK = "***";

    private FormRedactor() {}

    /** @param keys decoded keys whose values are credentials, e.g. {@code auth[application_token]} */
    public static byte[] redact(byte[] body, Set<String> keys) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        String[] pairs = text.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            if (i > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String rawKey = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && keys.contains(PhpForm.decodeKey(rawKey))) {
                out.append(rawKey).append('=').append(MASK);
                changed = true;
            } else {
                out.append(pair);
            }
        }
        return changed ? out.toString().getBytes(StandardCharsets.UTF_8) : body;
    }
}
