package io.slotbridge.calendarconnector.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A failed Google Calendar call, classified by what the caller should do about it (Google's "Handle API errors"
 * guide): rate limits and server errors are retried with back-off, everything else is final.
 */
public class GoogleFailure extends RuntimeException {

    public enum Kind {
        /** 403 {@code rateLimitExceeded}/{@code userRateLimitExceeded} or 429: back off and retry. */
        RATE_LIMITED(true),
        /** 5xx or an I/O failure: retry. */
        UNAVAILABLE(true),
        /** 403 {@code quotaExceeded} and other usage limits that waiting a few seconds does not lift. */
        QUOTA_EXCEEDED(false),
        /** 410: the sync token is no longer valid, a full sync is required. */
        GONE(false),
        /** 409: an event with this id exists already. */
        DUPLICATE(false),
        /** 412: the event changed since the etag we sent in {@code If-Match}. */
        PRECONDITION_FAILED(false),
        NOT_FOUND(false),
        /** 401/403 for credentials or permissions (calendar not shared, scope missing, no grant yet). */
        FORBIDDEN(false),
        INVALID(false),
        UNKNOWN(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    private final Kind kind;
    private final Integer httpStatus;
    private final String reason;

    public GoogleFailure(Kind kind, Integer httpStatus, String reason, String message) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    public static GoogleFailure of(GoogleJsonResponseException e) {
        GoogleJsonError details = e.getDetails();
        if (details != null) {
            return of(details, e.getStatusCode());
        }
        return classify(e.getStatusCode(), null, e.getStatusCode() + " " + e.getStatusMessage());
    }

    /** A failure of one call inside a batch request, or of a call whose error body was parsed. */
    public static GoogleFailure of(GoogleJsonError error, int status) {
        List<GoogleJsonError.ErrorInfo> errors = error.getErrors();
        String reason =
                errors == null || errors.isEmpty() ? null : errors.get(0).getReason();
        return classify(status, reason, status + " " + (reason == null ? "" : reason + ": ") + error.getMessage());
    }

    public static GoogleFailure of(IOException e) {
        return new GoogleFailure(Kind.UNAVAILABLE, null, null, "I/O failure talking to Google: " + e);
    }

    public static GoogleFailure classify(int status, String reason, String message) {
        Kind kind;
        if (status == 429 || (status == 403 && RATE_LIMIT_REASONS.contains(reason))) {
            kind = Kind.RATE_LIMITED;
        } else if (status == 403
                && reason != null
                && (reason.endsWith("LimitExceeded") || reason.equals("quotaExceeded"))) {
            kind = Kind.QUOTA_EXCEEDED;
        } else if (status >= 500) {
            kind = Kind.UNAVAILABLE;
        } else {
            kind = switch (status) {
                case 410 -> Kind.GONE;
                case 409 -> Kind.DUPLICATE;
                case 412 -> Kind.PRECONDITION_FAILED;
                case 404 -> Kind.NOT_FOUND;
                case 401, 403 -> Kind.FORBIDDEN;
                case 400 -> Kind.INVALID;
                default -> Kind.UNKNOWN;
            };
        }
        return new GoogleFailure(kind, status, reason, message);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** Google's {@code errors[0].reason}, e.g. {@code rateLimitExceeded}, {@code fullSyncRequired}. */
    public String reason() {
        return reason;
    }
}
