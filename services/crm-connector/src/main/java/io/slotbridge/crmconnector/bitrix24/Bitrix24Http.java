package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.http.AccountGuard;
import io.slotbridge.crmconnector.http.ApiFailures;
import io.slotbridge.crmconnector.http.JsonHttp;
import io.slotbridge.crmconnector.http.ProblemText;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bitrix24 REST call ({@code POST <rest base><method>.json} with JSON parameters) through the portal's guard:
 * leaky-bucket permits, back-off on QUERY_LIMIT_EXCEEDED and 5xx, the circuit on OVERLOAD_LIMIT, and a method parked
 * on OPERATION_TIME_LIMIT is not called until its operating time resets. Answers are classified by their {@code error}
 * code first and the HTTP status second.
 */
final class Bitrix24Http {

    private static final Logger log = LoggerFactory.getLogger(Bitrix24Http.class);

    private final String tenant;
    private final JsonHttp http;
    private final AccountGuard guard;
    private final Bitrix24Credentials credentials;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Bitrix24MethodParking parking;

    Bitrix24Http(
            String tenant,
            JsonHttp http,
            AccountGuard guard,
            Bitrix24Credentials credentials,
            ObjectMapper json,
            MeterRegistry meters,
            Bitrix24MethodParking parking) {
        this.tenant = tenant;
        this.http = http;
        this.guard = guard;
        this.credentials = credentials;
        this.json = json;
        this.meters = meters;
        this.parking = parking;
    }

    Bitrix24MethodParking parking() {
        return parking;
    }

    /** The whole answer ({@code result}, {@code total}, {@code next}, {@code time}) of a successful call. */
    JsonNode call(String method, ObjectNode params) {
        Optional<Bitrix24Errors.MethodParked> parked = parking.refusal(method);
        if (parked.isPresent()) {
            throw parked.get();
        }
        Bitrix24Credentials.Access access = credentials.current();
        try {
            return guard.call(() -> once(method, params, access));
        } catch (Bitrix24Errors.TokenExpired expired) {
            Bitrix24Credentials.Access fresh = credentials.refreshAfterExpiry(access, expired);
            return guard.call(() -> once(method, params, fresh));
        }
    }

    private JsonNode once(String method, ObjectNode params, Bitrix24Credentials.Access access) {
        ObjectNode body = params.deepCopy();
        if (access.authParameter() != null) {
            body.put("auth", access.authParameter());
        }
        JsonHttp.Response response;
        try {
            response = http.send("POST", URI.create(access.restBase() + method + ".json"), write(body), Map.of());
        } catch (ApiFailures.Unavailable e) {
            count(method, "io-error");
            throw e;
        }
        JsonNode answer = read(response.body());
        String code = answer == null ? null : Bitrix24Errors.code(answer);
        count(method, code == null ? String.valueOf(response.status()) : code);
        if (code == null && response.ok() && answer != null && answer.has("result")) {
            parking.observe(method, answer.path("time"));
            return answer;
        }
        CrmApiException failure = answer == null
                ? Bitrix24Errors.failure(
                        method, response.status(), null, ProblemText.describe(response.status(), response.body()))
                : Bitrix24Errors.failure(
                        method,
                        response.status(),
                        code,
                        answer.path("error_description").asText(null));
        failure = parking.judge(method, failure);
        if (!failure.retryable() && !(failure instanceof Bitrix24Errors.TokenExpired)) {
            log.warn("tenant {}: {}", tenant, failure.reason());
        }
        throw failure;
    }

    private void count(String method, String status) {
        meters.counter(
                        "slotbridge.crm.api.calls",
                        "tenant",
                        tenant,
                        "crm",
                        "bitrix24",
                        "endpoint",
                        method,
                        "status",
                        status)
                .increment();
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The JSON answer, or null for an empty or HTML body (a proxy's error page). */
    private JsonNode read(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
