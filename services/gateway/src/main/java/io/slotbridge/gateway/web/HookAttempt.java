package io.slotbridge.gateway.web;

import io.slotbridge.contracts.ingress.IngressSource;
import java.util.Locale;

/** What is known about a request for its log line, from the moment it arrived. */
final class HookAttempt {

    private static final int MAX_LOGGED_LENGTH = 64;

    private final IngressSource source;
    private final String tenant;
    private final long startedNanos;
    private final String providerRequestId;
    private long bytes;

    HookAttempt(IngressSource source, String tenant, String providerRequestId, long bytes) {
        this.source = source;
        this.tenant = tenant;
        this.providerRequestId = providerRequestId;
        this.bytes = Math.max(bytes, 0);
        this.startedNanos = System.nanoTime();
    }

    IngressSource source() {
        return source;
    }

    String sourceTag() {
        return source.name().toLowerCase(Locale.ROOT);
    }

    long startedNanos() {
        return startedNanos;
    }

    long bytes() {
        return bytes;
    }

    void bodyRead(int length) {
        this.bytes = length;
    }

    String providerRequestId() {
        return providerRequestId == null ? "-" : printable(providerRequestId);
    }

    String tenantForLog() {
        return printable(tenant);
    }

    /** Path and header values are chosen by the caller: keep log lines one line, short and unambiguous. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LOGGED_LENGTH));
        for (int i = 0; i < value.length() && out.length() < MAX_LOGGED_LENGTH; i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.';
            out.append(plain ? c : '?');
        }
        return value.length() > MAX_LOGGED_LENGTH ? out + "…" : out.toString();
    }
}
