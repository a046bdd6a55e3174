package io.slotbridge.sandbox.wazzup;

import io.slotbridge.sandbox.core.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;

/** Wazzup's error body: {@code {status, requestId, error, description, data}} (contracts fixture send-message-errors-400). */
final class WazzupErrors {

    private WazzupErrors() {}

    static ApiException error(int status, String error, String description, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("requestId", UUID.randomUUID().toString().replace("-", ""));
        body.put("error", error);
        body.put("description", description);
        if (data != null) {
            body.put("data", data);
        }
        return new ApiException(status, MediaType.APPLICATION_JSON, body);
    }

    static ApiException invalidFields(String... fields) {
        return error(
                400, "INVALID_MESSAGE_DATA", "Message data is invalid", Map.of("fields", java.util.List.of(fields)));
    }

    /** Webhook subscription errors have their own, shorter shape. */
    static ApiException webhook(String error, String description, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("description", description);
        if (data != null) {
            body.put("data", data);
        }
        return new ApiException(400, MediaType.APPLICATION_JSON, body);
    }
}
