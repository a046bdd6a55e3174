package io.slotbridge.gateway.ingest.domain;

import io.slotbridge.contracts.ingress.IngressSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One authenticated-so-far webhook request, transport-free.
 *
 * @param maskedPath the request path with any secret segment replaced by {@code ***}
 * @param rawEventId id of the archive record; every record parsed from this request points to it
 * @param providerRequestId the sender's id of this delivery, if it sends one
 */
public record HookRequest(
        IngressSource source,
        String tenant,
        String method,
        String maskedPath,
        HookHeaders headers,
        String contentType,
        byte[] body,
        Instant receivedAt,
        String rawEventId,
        String providerRequestId) {

    public HookRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(rawEventId, "rawEventId");
        body = body == null ? new byte[0] : body;
    }

    /** The body as UTF-8 text (invalid bytes become U+FFFD; the archive keeps the exact bytes). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
