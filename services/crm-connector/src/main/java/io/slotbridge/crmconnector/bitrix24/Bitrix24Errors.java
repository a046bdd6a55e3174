package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.AccountBlockedException;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.http.ApiFailures;
import java.time.Instant;
import java.util.Locale;

/**
 * Bitrix24's {@code {"error":"CODE","error_description":"text"}} mapped to what we do about it. The code decides before
 * the HTTP status: the rate limit arrives as 503, but also as 200 or behind proxies as an HTML page.
 */
final class Bitrix24Errors {

    static final String QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED";
    static final String OPERATION_TIME_LIMIT = "OPERATION_TIME_LIMIT";
    static final String EXPIRED_TOKEN = "EXPIRED_TOKEN";
    static final String HANDLER_ALREADY_BOUND = "ERROR_EVENT_HANDLER_ALREADY_BINDED";

    private Bitrix24Errors() {}

    /** The access token expired: the caller refreshes (OAuth) and repeats once. */
    static final class TokenExpired extends CrmApiException {
        TokenExpired(String reason) {
            super(RejectionCode.FORBIDDEN, reason, false, 401);
        }
    }

    /** One method used up its operating time (429 OPERATION_TIME_LIMIT): it is parked, the portal is not. */
    static final class OperatingTimeLimit extends CrmApiException {
        OperatingTimeLimit(String reason, int status) {
            super(RejectionCode.RATE_LIMITED, reason, true, status);
        }
    }

    /**
     * A call to a parked method, refused without asking the portal. Listeners wait until {@link #retryAt()} and get the
     * work again (the write ledger keeps what went through from being applied twice); other methods are not held up.
     */
    static final class MethodParked extends AccountBlockedException {
        MethodParked(String method, Instant until) {
            super(
                    "Bitrix24 method " + method + " is parked until " + until
                            + " (OPERATION_TIME_LIMIT: its operating time on the portal is used up)",
                    until);
        }

        @Override
        public boolean wholeAccount() {
            return false;
        }
    }

    /** The error code of an answer, upper-cased, or null when it carries none. */
    static String code(JsonNode body) {
        JsonNode error = body.path("error");
        return error.isTextual() || error.isNumber() ? error.asText().toUpperCase(Locale.ROOT) : null;
    }

    /**
     * The failure an error answer (or one batch command's error) stands for.
     *
     * @param what the method, for the reason ("crm.deal.update")
     */
    static CrmApiException failure(String what, int status, String code, String description) {
        String reason = "Bitrix24 " + what + ": " + (code == null || code.isEmpty() ? "" : code + " ")
                + (description == null || description.isBlank() ? "" : "(" + description + ") ")
                + "HTTP " + status;
        String c = code == null ? "" : code;
        switch (c) {
            case QUERY_LIMIT_EXCEEDED:
                return new ApiFailures.Throttled(reason, status);
            case OPERATION_TIME_LIMIT:
                return new OperatingTimeLimit(reason, status);
            case "OVERLOAD_LIMIT":
                // a manual block by Bitrix24 support: pause everything, as with amoCRM's 403
                return new ApiFailures.Blocked(reason, status);
            case EXPIRED_TOKEN:
                return new TokenExpired(reason);
            case "INVALID_TOKEN",
                    "NO_AUTH_FOUND",
                    "INVALID_CREDENTIALS",
                    "INSUFFICIENT_SCOPE",
                    "ACCESS_DENIED",
                    "USER_ACCESS_ERROR",
                    "WRONG_AUTH_TYPE",
                    "PAYMENT_REQUIRED",
                    "METHOD_CONFIRM_WAITING":
                return new CrmApiException(
                        RejectionCode.FORBIDDEN, reason + "; check the portal's credentials and scopes", false, status);
            case "INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER":
                return new ApiFailures.Unavailable(reason, status);
            case "NOT_FOUND", "ERROR_NOT_FOUND":
                return new CrmApiException(RejectionCode.NOT_FOUND, reason, false, status);
            default:
                break;
        }
        if (c.isEmpty()
                && description != null
                && description.toLowerCase(Locale.ROOT).contains("not found")) {
            // crm.deal.get of a missing id: {"error":"","error_description":"Not found"}
            return new CrmApiException(RejectionCode.NOT_FOUND, reason, false, status);
        }
        if (status == 503 || status == 429) {
            return new ApiFailures.Throttled(reason, status);
        }
        if (status >= 500) {
            return new ApiFailures.Unavailable(reason, status);
        }
        if (status == 401 || status == 403) {
            return new CrmApiException(RejectionCode.FORBIDDEN, reason, false, status);
        }
        return new CrmApiException(RejectionCode.INVALID, reason, false, status);
    }
}
