package io.slotbridge.gateway.ingest.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Request headers, looked up case-insensitively (first value wins), in arrival order. */
public final class HookHeaders {

    /** Never archived: credentials, and Google's channel token (it authenticates the channel). */
    private static final Set<String> CREDENTIALS = Set.of(
            "authorization", "proxy-authorization", "cookie", "x-goog-channel-token", "x-api-key", "x-auth-token");

    private final Map<String, String> byLowerName = new LinkedHashMap<>();
    private final Map<String, String> asSent = new LinkedHashMap<>();

    public static HookHeaders of(Map<String, List<String>> headers) {
        HookHeaders result = new HookHeaders();
        headers.forEach((name, values) -> result.add(name, values.isEmpty() ? "" : String.join(", ", values)));
        return result;
    }

    public static HookHeaders ofSingle(Map<String, String> headers) {
        HookHeaders result = new HookHeaders();
        headers.forEach(result::add);
        return result;
    }

    private void add(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!byLowerName.containsKey(lower)) {
            byLowerName.put(lower, value);
            asSent.put(name, value);
        }
    }

    /** The trimmed, non-empty value of a header, or null. */
    public String get(String name) {
        String value = byLowerName.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Headers fit for the archive: no credentials, nothing named like a token or a secret. */
    public Map<String, String> withoutCredentials() {
        Map<String, String> safe = new LinkedHashMap<>();
        asSent.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!CREDENTIALS.contains(lower) && !lower.contains("token") && !lower.contains("secret")) {
                safe.put(name, value);
            }
        });
        return Collections.unmodifiableMap(safe);
    }
}
