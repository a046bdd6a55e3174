package io.slotbridge.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.contracts.ingress.IngressSource;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The gateway's answers: a small JSON receipt for stored requests, problem+json for everything else. */
final class HookResponses {

    private static final Map<HookOutcome, String> DETAILS = Map.of(
            HookOutcome.UNAUTHORIZED, "Unknown tenant or wrong credentials.",
            HookOutcome.TOO_LARGE, "The body is larger than this gateway accepts.",
            HookOutcome.UNSUPPORTED_MEDIA_TYPE, "This source's webhooks have a different content type.",
            HookOutcome.KAFKA_UNAVAILABLE, "The webhook could not be stored right now; send it again later.");

    private static final ObjectMapper RECEIPTS = new ObjectMapper();

    private HookResponses() {}

    /** The request path as it may be shown: the secret segment replaced by {@code ***}. */
    static String maskedPath(IngressSource source, String tenant, boolean hasSecret) {
        return "/hooks/" + source.name().toLowerCase(Locale.ROOT) + "/" + tenant + (hasSecret ? "/***" : "");
    }

    static ResponseEntity<Object> stored(HookOutcome outcome, String eventId, int records, String note) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("status", outcome.tag());
        receipt.put("eventId", eventId);
        receipt.put("records", records);
        if (note != null) {
            receipt.put(outcome == HookOutcome.DEAD_LETTERED ? "problem" : "note", note);
        }
        // serialised here rather than by WebFlux's JSON encoder, whose per-response set-up cost more than the writing
        return ResponseEntity.status(outcome.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json(receipt));
    }

    private static byte[] json(Map<String, Object> receipt) {
        try {
            return RECEIPTS.writeValueAsBytes(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    /**
     * One body per outcome and source, whatever the precise reason (which goes to the log): an unknown tenant and a
     * wrong secret are indistinguishable, so the instance names the endpoint, not the tenant.
     */
    static ResponseEntity<Object> problem(HookOutcome outcome, IngressSource source, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(outcome.status(), DETAILS.get(outcome));
        problem.setInstance(URI.create("/hooks/" + source.name().toLowerCase(Locale.ROOT)));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (outcome == HookOutcome.KAFKA_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return response.body(problem);
    }
}
