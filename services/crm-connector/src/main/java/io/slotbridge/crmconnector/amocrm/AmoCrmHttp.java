package io.slotbridge.crmconnector.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.http.AccountGuard;
import io.slotbridge.crmconnector.http.ApiFailures;
import io.slotbridge.crmconnector.http.JsonHttp;
import io.slotbridge.crmconnector.http.ProblemText;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical amoCRM API call: through the account's guard (budget, retries, circuit), with the bearer token, a single
 * refresh-and-retry on 401, and every status mapped to a readable failure (problem+json, or the nginx HTML amoCRM
 * serves with 403).
 */
final class AmoCrmHttp {

    private static final Logger log = LoggerFactory.getLogger(AmoCrmHttp.class);

    private final String tenant;
    private final String baseUrl;
    private final JsonHttp http;
    private final AccountGuard guard;
    private final AmoCrmTokens tokens;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    AmoCrmHttp(
            String tenant,
            String baseUrl,
            JsonHttp http,
            AccountGuard guard,
            AmoCrmTokens tokens,
            ObjectMapper json,
            MeterRegistry meters) {
        this.tenant = tenant;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
        this.guard = guard;
        this.tokens = tokens;
        this.json = json;
        this.meters = meters;
    }

    /** A 400 with amoCRM's per-item validation errors. */
    static final class InvalidRequest extends CrmApiException {
        final List<ProblemText.ItemError> itemErrors;

        InvalidRequest(String reason, int status, List<ProblemText.ItemError> itemErrors) {
            super(RejectionCode.INVALID, reason, false, status);
            this.itemErrors = itemErrors;
        }
    }

    /** Raised inside the guard so the retry with a fresh token takes a permit of its own. */
    private static final class TokenRejected extends RuntimeException {
        final String token;

        TokenRejected(String token) {
            super("access token rejected", null, false, false);
            this.token = token;
        }
    }

    /** GET/PATCH/POST/DELETE {@code pathAndQuery}; a 204 or empty body yields a missing node. */
    JsonNode call(String endpoint, String method, String pathAndQuery, Object body) {
        String payload = body == null ? null : write(body);
        String token = tokens.current();
        try {
            return guard.call(() -> once(endpoint, method, pathAndQuery, payload, token));
        } catch (TokenRejected rejected) {
            if (!tokens.refreshable()) {
                throw new CrmApiException(
                        RejectionCode.FORBIDDEN,
                        "amoCRM rejected the configured " + tokens.mode() + " of tenant " + tenant + " (HTTP 401)",
                        false,
                        401);
            }
            String fresh = tokens.refresh(rejected.token);
            try {
                return guard.call(() -> once(endpoint, method, pathAndQuery, payload, fresh));
            } catch (TokenRejected again) {
                throw new CrmApiException(
                        RejectionCode.FORBIDDEN,
                        "amoCRM rejected a freshly refreshed token of tenant " + tenant
                                + " (HTTP 401); check the integration's access",
                        false,
                        401);
            }
        }
    }

    private JsonNode once(String endpoint, String method, String pathAndQuery, String payload, String token) {
        JsonHttp.Response response;
        try {
            response = http.send(
                    method, URI.create(baseUrl + pathAndQuery), payload, Map.of("Authorization", "Bearer " + token));
        } catch (ApiFailures.Unavailable e) {
            count(endpoint, "io-error");
            throw e;
        }
        int status = response.status();
        count(endpoint, String.valueOf(status));
        if (status == 204) {
            return MissingNode.getInstance();
        }
        if (response.ok()) {
            return read(response.body());
        }
        String reason = "amoCRM " + method + " " + endpoint + ": " + ProblemText.describe(status, response.body());
        if (status >= 400 && status < 500 && status != 401 && status != 429 && status != 403) {
            log.warn("tenant {}: {} (X-Request-Id {})", tenant, reason, response.requestId());
        }
        switch (status) {
            case 401:
                throw new TokenRejected(token);
            case 429:
                throw new ApiFailures.Throttled(reason, status);
            case 403:
                throw new ApiFailures.Blocked(reason, status);
            case 402:
                throw new CrmApiException(RejectionCode.FORBIDDEN, reason + " (account not paid)", false, status);
            case 404:
                throw new CrmApiException(RejectionCode.NOT_FOUND, reason, false, status);
            case 400:
            case 422:
                throw new InvalidRequest(reason, status, ProblemText.validationErrors(response.body()));
            default:
                if (status >= 500) {
                    throw new ApiFailures.Unavailable(reason, status);
                }
                throw new CrmApiException(RejectionCode.UNKNOWN, reason, false, status);
        }
    }

    private void count(String endpoint, String status) {
        meters.counter(
                        "slotbridge.crm.api.calls",
                        "tenant",
                        tenant,
                        "crm",
                        "amocrm",
                        "endpoint",
                        endpoint,
                        "status",
                        status)
                .increment();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new ApiFailures.Unavailable("amoCRM answered something that is not JSON", 200);
        }
    }
}
