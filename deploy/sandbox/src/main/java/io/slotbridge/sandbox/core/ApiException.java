package io.slotbridge.sandbox.core;

import java.util.Map;
import org.springframework.http.MediaType;

/**
 * An answer in an emulated API's own error format (amoCRM problem+json, Bitrix24 {@code error/error_description},
 * Google's error envelope, Wazzup's {@code status/requestId/error}). Thrown anywhere while handling a request; the
 * filter or the controller advice writes it unchanged.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final MediaType contentType;
    private final Object body;
    private final Map<String, String> headers;

    public ApiException(int status, MediaType contentType, Object body) {
        this(status, contentType, body, Map.of());
    }

    public ApiException(int status, MediaType contentType, Object body, Map<String, String> headers) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public MediaType contentType() {
        return contentType;
    }

    /** A String is written as is (e.g. nginx's HTML page); anything else as JSON. */
    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
