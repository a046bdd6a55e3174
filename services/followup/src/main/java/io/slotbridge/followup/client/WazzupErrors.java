package io.slotbridge.followup.client;

import java.util.Locale;
import java.util.Set;

/**
 * Wazzup's error codes sorted into what we do about them. Codes are compared without case and separators: the docs
 * spell the same code {@code REPEATED_CRM_MESSAGE_ID} and {@code repeatedCrmMessageId}.
 */
public final class WazzupErrors {

    private static final String REPEATED = norm("REPEATED_CRM_MESSAGE_ID");

    private static final Set<String> PERMANENT = normAll(
            "INVALID_MESSAGE_DATA",
            "VALIDATION_ERROR",
            "WRONG_TRANSPORT",
            "MESSAGE_TEXT_TOO_LONG",
            "MESSAGES_TOO_LONG_WABA",
            "MESSAGES_TOO_LONG_WABA_TEMPLATE",
            "MESSAGES_TOO_LONG_WABA_HEADER",
            "MESSAGE_ONLY_TEXT_OR_CONTENT",
            "MESSAGES_ABNORMAL_SEND",
            "TEMPLATE_REJECTED",
            "BAD_CONTACT",
            "MESSAGES_IS_SPAM",
            "MESSAGES_NOT_TEXT_FIRST",
            "24_HOURS_EXCEEDED");

    private static final Set<String> CHANNEL = normAll(
            "CHANNEL_NOT_FOUND",
            "CHANNEL_BLOCKED",
            "CHANNEL_WAPI_REJECTED",
            "CHANNEL_NO_MONEY",
            "BALANCE_IS_EMPTY",
            "MESSAGE_CHANNEL_UNAVAILABLE",
            "CHANNEL_LIMIT_EXCEEDED");

    /** Wazzup says it did not take the message, so a later request cannot duplicate it. */
    private static final Set<String> TRANSIENT_NOT_DELIVERED =
            normAll("MESSAGES_CAN_NOT_ADD", "MESSAGE_DOWNLOAD_CONTENT_ERROR");

    private WazzupErrors() {}

    /** Classifies an error answer of {@code POST /v3/message}; {@code code} may be null (empty body). */
    public static SendOutcome classify(int httpStatus, String code, String description) {
        String normalised = code == null ? "" : norm(code);
        String label = code == null || code.isBlank() ? "HTTP " + httpStatus : code;
        if (normalised.equals(REPEATED)) {
            return new SendOutcome.AlreadySent(description);
        }
        if (CHANNEL.contains(normalised) || httpStatus == 401 || httpStatus == 403) {
            return new SendOutcome.ChannelProblem(label, description);
        }
        if (PERMANENT.contains(normalised)) {
            return new SendOutcome.Rejected(label, description);
        }
        if (httpStatus == 429) {
            // the rate limiter refuses before the message is processed
            return new SendOutcome.Transient(label, description, false);
        }
        if (TRANSIENT_NOT_DELIVERED.contains(normalised)) {
            return new SendOutcome.Transient(label, description, false);
        }
        if (httpStatus >= 500 || normalised.startsWith(norm("UNKNOWN_ERROR"))) {
            // the server may have queued the message before failing
            return new SendOutcome.Transient(label, description, true);
        }
        // any other 4xx: the request itself is wrong; repeating it cannot help
        return new SendOutcome.Rejected(label, description);
    }

    /** True for message-level webhook errors that mean the client must be reached another way. */
    public static boolean isWindowClosed(String code) {
        return code != null && norm(code).equals(norm("24_HOURS_EXCEEDED"));
    }

    static String norm(String code) {
        return code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    private static Set<String> normAll(String... codes) {
        return java.util.Arrays.stream(codes)
                .map(WazzupErrors::norm)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
