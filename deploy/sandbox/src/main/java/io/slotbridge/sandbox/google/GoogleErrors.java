package io.slotbridge.sandbox.google;

import io.slotbridge.sandbox.core.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/** Google's JSON error envelope: {@code {"error":{"errors":[{domain,reason,message}],"code","message"}}}. */
final class GoogleErrors {

    private static final MediaType JSON = MediaType.parseMediaType("application/json; charset=UTF-8");

    private GoogleErrors() {}

    static ApiException error(int code, String domain, String reason, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("domain", domain);
        detail.put("reason", reason);
        detail.put("message", message);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errors", List.of(detail));
        error.put("code", code);
        error.put("message", message);
        String status = status(code);
        if (status != null) {
            error.put("status", status);
        }
        return new ApiException(code, JSON, Map.of("error", error));
    }

    static ApiException notFound() {
        return error(404, "global", "notFound", "Not Found");
    }

    static ApiException invalid(String message) {
        return error(400, "global", "invalid", message);
    }

    static ApiException required(String message) {
        return error(400, "global", "required", message);
    }

    static ApiException unauthenticated() {
        return error(
                401,
                "global",
                "authError",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other"
                        + " valid authentication credential.");
    }

    static ApiException rateLimited(int code) {
        return error(code, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
    }

    static ApiException fullSyncRequired() {
        return error(410, "global", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
    }

    static ApiException preconditionFailed() {
        return error(412, "global", "conditionNotMet", "Precondition Failed");
    }

    private static String status(int code) {
        return switch (code) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ALREADY_EXISTS";
            case 412 -> "FAILED_PRECONDITION";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 500 -> "INTERNAL";
            case 503 -> "UNAVAILABLE";
            default -> null;
        };
    }
}
