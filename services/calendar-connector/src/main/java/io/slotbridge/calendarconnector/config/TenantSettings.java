package io.slotbridge.calendarconnector.config;

import java.time.ZoneId;

/**
 * The calendar-connector's view of one tenant of the shared tenants file (docs/tenant-configuration.md); keys it does
 * not need are ignored.
 */
public record TenantSettings(String displayName, ZoneId timeZone, Crm crm, Calendar calendar) {

    public TenantSettings {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
    }

    public boolean hasGoogleCalendar() {
        return calendar != null && (calendar.provider() == null || "google".equals(calendar.provider()));
    }

    /** @param cardUrlTemplate the lead card link with {@code {leadId}}; slot descriptions carry it */
    public record Crm(String cardUrlTemplate) {}

    /**
     * @param rootUrl Google API root ({@code https://www.googleapis.com/}); the sandbox or WireMock stand in here
     * @param pushSecret HMAC key of watch-channel tokens, shared with the gateway
     * @param sendUpdates {@code all}, {@code externalOnly} or {@code none}: whether guests get invitation mail
     * @param requestsPerSecond this tenant's share of the Google quota
     */
    public record Calendar(
            String provider,
            String calendarId,
            String rootUrl,
            String pushSecret,
            Auth auth,
            String sendUpdates,
            Double requestsPerSecond) {

        public String rootUrlOrDefault() {
            String url = rootUrl == null || rootUrl.isBlank() ? "https://www.googleapis.com/" : rootUrl;
            return url.endsWith("/") ? url : url + "/";
        }

        public String sendUpdatesOrDefault() {
            return sendUpdates == null || sendUpdates.isBlank() ? "none" : sendUpdates;
        }

        public String authMode() {
            return auth == null || auth.mode() == null ? "service-account" : auth.mode();
        }

        @Override
        public String toString() {
            return "Calendar[calendarId=" + calendarId + ", rootUrl=" + rootUrl + ", auth=" + auth + ", sendUpdates="
                    + sendUpdates + ", requestsPerSecond=" + requestsPerSecond + ", pushSecret=***]";
        }
    }

    /**
     * @param mode {@code service-account}, {@code oauth} or {@code static-token} (sandbox and tests)
     * @param delegatedUser Workspace user the service account acts as (domain-wide delegation), optional
     * @param authorizeUrl Google's consent page ({@code https://accounts.google.com/o/oauth2/v2/auth} unless set)
     * @param tokenUrl Google's token endpoint ({@code https://oauth2.googleapis.com/token} unless set)
     * @param redirectUri this connector's {@code /connect/google/{tenant}/callback} as registered with Google
     */
    public record Auth(
            String mode,
            String serviceAccountKeyFile,
            String delegatedUser,
            String clientId,
            String clientSecret,
            String staticToken,
            String authorizeUrl,
            String tokenUrl,
            String redirectUri) {

        public String authorizeUrlOrDefault() {
            return authorizeUrl == null || authorizeUrl.isBlank()
                    ? "https://accounts.google.com/o/oauth2/v2/auth"
                    : authorizeUrl;
        }

        public String tokenUrlOrDefault() {
            return tokenUrl == null || tokenUrl.isBlank() ? "https://oauth2.googleapis.com/token" : tokenUrl;
        }

        @Override
        public String toString() {
            return "Auth[mode=" + mode + ", serviceAccountKeyFile=" + serviceAccountKeyFile + ", delegatedUser="
                    + delegatedUser + ", clientId=" + clientId + ", secrets=***]";
        }
    }
}
