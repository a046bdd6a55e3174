package io.slotbridge.crmconnector.bitrix24;

import io.slotbridge.crmconnector.app.OAuthConnect.InstallRefused;
import java.util.Locale;
import java.util.Map;

/**
 * The form Bitrix24 posts to an application's install handler ({@code event=ONAPPINSTALL&data[VERSION]=…&ts=…
 * &auth[access_token]=…&auth[expires_in]=3600&auth[domain]=…&auth[client_endpoint]=https://portal/rest/
 * &auth[member_id]=…&auth[refresh_token]=…&auth[application_token]=…}; shape: b24-rest-docs events/index.md and the
 * captured event in mesilov/bitrix24-php-sdk#296). {@code toString} hides the tokens.
 */
record Bitrix24InstallEvent(
        String domain,
        String clientEndpoint,
        String memberId,
        String accessToken,
        String refreshToken,
        long expiresInSeconds,
        String applicationToken,
        String version) {

    static final String EVENT = "ONAPPINSTALL";
    private static final long DEFAULT_EXPIRES_IN = 3600;

    static Bitrix24InstallEvent parse(Map<String, String> form) {
        requireEvent(form, EVENT, "install");
        return new Bitrix24InstallEvent(
                required(form, "auth[domain]", "install"),
                required(form, "auth[client_endpoint]", "install"),
                required(form, "auth[member_id]", "install"),
                required(form, "auth[access_token]", "install"),
                form.get("auth[refresh_token]"),
                expiresIn(form.get("auth[expires_in]")),
                required(form, "auth[application_token]", "install"),
                form.get("data[VERSION]"));
    }

    /** Refuses (400) an application event form whose {@code event} is not {@code expected}. */
    static void requireEvent(Map<String, String> form, String expected, String what) {
        String event = form.get("event");
        if (event == null || !event.toUpperCase(Locale.ROOT).equals(expected)) {
            throw new InstallRefused(
                    400,
                    "not an " + what + " event: event="
                            + (event == null ? "(none)" : Bitrix24AppInstall.printable(event)));
        }
    }

    /** A field of an application event form, or a 400 refusal naming it. */
    static String required(Map<String, String> form, String key, String what) {
        String value = form.get(key);
        if (value == null || value.isBlank()) {
            throw new InstallRefused(400, "the " + what + " event has no " + key);
        }
        return value;
    }

    private static long expiresIn(String value) {
        try {
            return value == null ? DEFAULT_EXPIRES_IN : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InstallRefused(400, "auth[expires_in] is not a number");
        }
    }

    @Override
    public String toString() {
        return "Bitrix24InstallEvent[domain=" + domain + ", memberId=" + memberId + ", version=" + version
                + ", tokens=***]";
    }
}
