package io.slotbridge.gateway.web;

import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.gateway.config.GatewayProperties;
import io.slotbridge.gateway.config.GatewayTenants;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.RawArchive;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.ingest.domain.WebhookSource;
import io.slotbridge.gateway.kafka.AckedPublisher;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The life of one webhook request: authenticate (401), check media type (415) and size (413), read the body, parse
 * it, publish the archive record plus what was parsed — or the raw body to the dead-letter topic when it cannot be
 * parsed (202) — and answer only after Kafka acknowledged everything (200), or 503 when it did not in time.
 */
@Component
public class HookPipeline {

    private final GatewayTenants tenants;
    private final GatewayProperties properties;
    private final AckedPublisher publisher;
    private final HookObserver observer;
    private final Clock clock;

    public HookPipeline(
            GatewayTenants tenants,
            GatewayProperties properties,
            AckedPublisher publisher,
            HookObserver observer,
            Clock clock) {
        this.tenants = tenants;
        this.properties = properties;
        this.publisher = publisher;
        this.observer = observer;
        this.clock = clock;
    }

    /**
     * @param pathSecret the secret path segment for sources that have one, else null
     */
    public Mono<ResponseEntity<Object>> handle(
            WebhookSource source, String tenantId, String pathSecret, ServerHttpRequest http) {
        HookHeaders headers = HookHeaders.of(http.getHeaders());
        String providerRequestId = source.providerRequestId(headers);
        HookAttempt attempt = new HookAttempt(
                source.source(), tenantId, providerRequestId, http.getHeaders().getContentLength());
        String maskedPath = HookResponses.maskedPath(source.source(), tenantId, pathSecret != null);
        Optional<TenantCredentials> known = tenants.find(tenantId);
        TenantCredentials tenant = known.orElse(TenantCredentials.NONE);

        if (!source.authenticates(tenantId, tenant, headers, pathSecret)) {
            // the caller gets one answer for both; the operator's log says which it was
            String reason = known.isEmpty() ? "unknown tenant" : "wrong or missing " + source.credentialName();
            return Mono.just(finish(attempt, HookOutcome.UNAUTHORIZED, reason));
        }
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (!source.acceptsMediaType(contentType)) {
            return Mono.just(finish(
                    attempt,
                    HookOutcome.UNSUPPORTED_MEDIA_TYPE,
                    "content type " + contentType + " is not " + String.join(" or ", source.mediaTypes())));
        }
        int maxBytes =
                (int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes());
        if (http.getHeaders().getContentLength() > maxBytes) {
            return Mono.just(finish(attempt, HookOutcome.TOO_LARGE, tooLarge(maxBytes)));
        }
        return DataBufferUtils.join(http.getBody(), maxBytes)
                .map(HookPipeline::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    attempt.bodyRead(body.length);
                    HookRequest request = new HookRequest(
                            source.source(),
                            tenantId,
                            http.getMethod().name(),
                            maskedPath,
                            headers,
                            contentType,
                            body,
                            clock.instant(),
                            MessageIds.random(),
                            providerRequestId);
                    return publish(source, tenant, request, attempt);
                })
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> Mono.just(finish(attempt, HookOutcome.TOO_LARGE, tooLarge(maxBytes))))
                .contextWrite(context -> RequestEventLoop.of(http)
                        .map(loop -> context.put(AckedPublisher.ANSWER_ON, loop))
                        .orElse(context));
    }

    private Mono<ResponseEntity<Object>> publish(
            WebhookSource source, TenantCredentials tenant, HookRequest request, HookAttempt attempt) {
        Parsed parsed = parseSafely(source, tenant, request);
        if (parsed instanceof Parsed.Refused refused) {
            return Mono.just(finish(attempt, HookOutcome.UNAUTHORIZED, refused.reason()));
        }
        byte[] archivable = source.archivable(request.body());
        if (parsed instanceof Parsed.Unreadable unreadable) {
            Outbound deadLetter = new Outbound(
                    Topics.INGRESS_RAW.dlt(),
                    RawArchive.record(request, archivable, unreadable.problem()),
                    Map.of(
                            PlatformKafkaAutoConfiguration.REASON_HEADER,
                            unreadable.problem(),
                            PlatformKafkaAutoConfiguration.FAILED_BY_HEADER,
                            Topics.GATEWAY));
            return publishThen(List.of(deadLetter), request, attempt, HookOutcome.DEAD_LETTERED, unreadable.problem());
        }
        Parsed.Understood understood = (Parsed.Understood) parsed;
        List<Outbound> records = new ArrayList<>();
        records.add(Outbound.to(Topics.INGRESS_RAW, RawArchive.record(request, archivable, null)));
        records.addAll(understood.records());
        return publishThen(records, request, attempt, HookOutcome.ACCEPTED, understood.note());
    }

    private Mono<ResponseEntity<Object>> publishThen(
            List<Outbound> records, HookRequest request, HookAttempt attempt, HookOutcome outcome, String note) {
        return publisher
                .publishAll(records, properties.ackTimeout())
                .then(Mono.fromSupplier(() -> {
                    observer.record(attempt, outcome, records.size(), note);
                    return HookResponses.stored(outcome, request.rawEventId(), records.size(), note);
                }))
                .onErrorResume(e -> {
                    String reason = e instanceof TimeoutException
                            ? "Kafka did not acknowledge within "
                                    + properties.ackTimeout().toMillis() + " ms"
                            : "Kafka refused the records: " + e;
                    return Mono.just(finish(attempt, HookOutcome.KAFKA_UNAVAILABLE, reason));
                });
    }

    /** A parser bug must not lose the request: anything it throws makes the body unreadable, i.e. dead-lettered. */
    private static Parsed parseSafely(WebhookSource source, TenantCredentials tenant, HookRequest request) {
        try {
            return source.parse(tenant, request);
        } catch (RuntimeException e) {
            return new Parsed.Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private ResponseEntity<Object> finish(HookAttempt attempt, HookOutcome outcome, String reason) {
        observer.record(attempt, outcome, 0, reason);
        return HookResponses.problem(outcome, attempt.source(), properties.retryAfter());
    }

    private static String tooLarge(int maxBytes) {
        return "body larger than " + maxBytes + " bytes";
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
