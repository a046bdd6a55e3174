package io.slotbridge.contracts.ingress;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.Keys;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook request as the gateway received it.
 *
 * @param path request path with the secret segment replaced by {@code ***}
 * @param headers request headers without credentials (Authorization, channel tokens are dropped)
 * @param body the body as text when it is valid UTF-8, else base64 (see {@code bodyEncoding})
 * @param bodyEncoding {@code utf-8} or {@code base64}
 * @param providerRequestId e.g. {@code X-Amocrm-Requestid} or {@code X-Goog-Message-Number}
 * @param problem why the body could not be parsed; null for parsed bodies
 */
@JsonTypeName("ingress.raw-received")
public record RawWebhookReceived(
        String eventId,
        String tenant,
        Instant occurredAt,
        IngressSource source,
        String method,
        String path,
        Map<String, String> headers,
        String contentType,
        String body,
        String bodyEncoding,
        String providerRequestId,
        String problem)
        implements RawIngress {

    public RawWebhookReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodyEncoding, "bodyEncoding");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public String kafkaKey() {
        return Keys.scoped(tenant, source.name().toLowerCase(java.util.Locale.ROOT));
    }
}
