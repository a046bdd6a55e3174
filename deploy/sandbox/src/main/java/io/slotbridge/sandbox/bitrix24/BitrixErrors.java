package io.slotbridge.sandbox.bitrix24;

import io.slotbridge.sandbox.core.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/** Bitrix24's error shape: {@code {"error":"CODE","error_description":"text"}}. */
final class BitrixErrors {

    private BitrixErrors() {}

    static ApiException error(int status, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return new ApiException(status, MediaType.APPLICATION_JSON, body);
    }

    /** The real body of the leaky bucket's 503 (contracts fixture bitrix24/error-query-limit-exceeded-503.txt). */
    static ApiException queryLimitExceeded() {
        return error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
    }

    /** A method over its operating time (system errors: 429, limits.md). */
    static ApiException operationTimeLimit() {
        return error(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
    }

    static ApiException noAuth() {
        return error(401, "NO_AUTH_FOUND", "Wrong authorization data");
    }

    static ApiException invalidToken() {
        return error(401, "invalid_token", "The access token provided is invalid.");
    }

    static ApiException expiredToken() {
        return error(401, "expired_token", "The access token provided has expired.");
    }

    static ApiException notFound() {
        return error(400, "", "Not found");
    }

    static ApiException methodNotFound(String method) {
        return error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
    }

    static ApiException invalidArgument(String description) {
        return error(400, "INVALID_ARG_VALUE", description);
    }

    static ApiException required(String description) {
        return error(400, "ERROR_CORE", description);
    }
}
