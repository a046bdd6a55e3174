package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.crmconnector.http.ApiFailures;
import io.slotbridge.crmconnector.http.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * {@code app.info} on a portal with an access token: answered with the application's {@code result} only when the
 * token is a live token of an application on that portal, so an install event's tokens are proven genuine by it.
 * Answer shape: b24-rest-docs api-reference/common/system/app-info.md ({@code result.ID, CODE, VERSION, STATUS,
 * INSTALLED, …}); refusals are {@code {"error":"invalid_token"|"expired_token"|"NO_AUTH_FOUND", …}}.
 */
final class Bitrix24AppInfo {

    enum Verdict {
        GENUINE,
        REFUSED,
        UNREACHABLE
    }

    /** @param detail for the log: the error code or the failure, never a token */
    record Answer(Verdict verdict, String detail, boolean installed) {}

    private final JsonHttp http;
    private final ObjectMapper json;

    Bitrix24AppInfo(JsonHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** @param restBase the configured portal's REST base ({@code https://portal/rest/}), never one from a request */
    Answer check(String restBase, String accessToken) {
        JsonHttp.Response response;
        try {
            response = http.send(
                    "POST",
                    URI.create(restBase + "app.info.json"),
                    json.writeValueAsString(Map.of("auth", accessToken)),
                    Map.of());
        } catch (ApiFailures.Unavailable | IOException e) {
            return new Answer(Verdict.UNREACHABLE, e.getMessage(), false);
        }
        JsonNode body = readTree(response.body());
        String code = Bitrix24Errors.code(body);
        if (code != null || response.status() == 401 || response.status() == 403) {
            // the rate limit, a parked method or a portal error says nothing about the token: that is "try again"
            boolean retryable = code != null
                    && Bitrix24Errors.failure(
                                    "app.info",
                                    response.status(),
                                    code,
                                    body.path("error_description").asText(null))
                            .retryable();
            return new Answer(
                    retryable ? Verdict.UNREACHABLE : Verdict.REFUSED,
                    "HTTP " + response.status() + " " + body.path("error").asText("(no error code)"),
                    false);
        }
        if (!response.ok() || !body.path("result").isObject()) {
            return new Answer(Verdict.UNREACHABLE, "HTTP " + response.status() + " without an app.info result", false);
        }
        return new Answer(
                Verdict.GENUINE,
                "app " + body.path("result").path("CODE").asText("?"),
                body.path("result").path("INSTALLED").asBoolean(true));
    }

    private JsonNode readTree(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode(); // an HTML error page of a proxy: judged by the status alone
        }
    }
}
