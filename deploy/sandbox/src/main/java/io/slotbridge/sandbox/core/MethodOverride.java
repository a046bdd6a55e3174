package io.slotbridge.sandbox.core;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Locale;
import java.util.Set;

/**
 * Google's APIs honour {@code X-HTTP-Method-Override} on a POST; the Google Java client relies on it to send PATCH
 * over transports without PATCH (its default {@code NetHttpTransport}).
 */
final class MethodOverride {

    private static final String HEADER = "X-HTTP-Method-Override";
    private static final Set<String> ALLOWED = Set.of("PATCH", "PUT", "DELETE", "GET");

    private MethodOverride() {}

    static HttpServletRequest apply(HttpServletRequest request) {
        String override = request.getHeader(HEADER);
        if (!"POST".equals(request.getMethod()) || override == null) {
            return request;
        }
        String method = override.strip().toUpperCase(Locale.ROOT);
        if (!ALLOWED.contains(method)) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return method;
            }
        };
    }
}
