package io.slotbridge.gateway.web;

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

    private HookResponses() {}

    /** The request path as it may be shown: the secret segment replaced by {@code ***}. */
    static String maskedPath(IngressSource source, String tenant, boolean hasSecret) {
        return "/hooks/" + source.name().toLowerCase(Locale.ROOT) + "/" + tenant + (hasSecret ? "/***" : "");
    }

    static ResponseEntity<Object> stored(HookOutcome outcome, String eventId, int records, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", outcome.tag());
        body.put("eventId", eventId);
        body.put("records", records);
        if (note != null) {
            body.put(outcome == HookOutcome.DEAD_LETTERED ? "problem" : "note", note);
        }
        return ResponseEntity.status(outcome.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /** The same body for the same outcome and path, whatever the precise reason (which goes to the log). */
    static ResponseEntity<Object> problem(HookOutcome outcome, String maskedPath, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(outcome.status(), DETAILS.get(outcome));
        problem.setInstance(URI.create(pathOnly(maskedPath)));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (outcome == HookOutcome.KAFKA_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return response.body(problem);
    }

    /** Tenant ids come from the URL; anything that is not a plain path character is dropped from the URI. */
    private static String pathOnly(String path) {
        return path.replaceAll("[^A-Za-z0-9/_.*~-]", "_");
    }
}
