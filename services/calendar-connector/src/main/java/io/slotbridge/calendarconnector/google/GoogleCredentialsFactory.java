package io.slotbridge.calendarconnector.google;

import com.google.api.services.calendar.CalendarScopes;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import io.slotbridge.calendarconnector.config.TenantSettings;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * Google credentials of a tenant, by {@code calendar.auth.mode}:
 *
 * <ul>
 *   <li>{@code service-account}: the key file; with {@code delegated-user} it acts as that Workspace user (domain-wide
 *       delegation), otherwise the calendar must be shared with the service account's e-mail;
 *   <li>{@code oauth}: the refresh token an administrator granted through {@code /connect/google/{tenant}};
 *   <li>{@code static-token}: no credentials object, a fixed bearer (the sandbox's {@code sandbox-admin}).
 * </ul>
 */
public class GoogleCredentialsFactory {

    static final List<String> SCOPES = List.of(CalendarScopes.CALENDAR_EVENTS);

    private final GoogleGrantRepository grants;

    public GoogleCredentialsFactory(GoogleGrantRepository grants) {
        this.grants = grants;
    }

    /** The credentials, or null for {@code static-token}. */
    public GoogleCredentials credentials(String tenant, TenantSettings.Calendar calendar) {
        TenantSettings.Auth auth = calendar.auth();
        return switch (calendar.authMode()) {
            case "static-token" -> null;
            case "service-account" -> serviceAccount(tenant, auth);
            case "oauth" -> userGrant(tenant, auth);
            default ->
                throw notConnected(
                        tenant,
                        "calendar.auth.mode '" + calendar.authMode() + "' is not service-account, oauth or "
                                + "static-token");
        };
    }

    private static GoogleCredentials serviceAccount(String tenant, TenantSettings.Auth auth) {
        if (auth == null || auth.serviceAccountKeyFile() == null) {
            throw notConnected(tenant, "calendar.auth.service-account-key-file is not set");
        }
        try (InputStream key = new FileInputStream(auth.serviceAccountKeyFile())) {
            GoogleCredentials credentials =
                    ServiceAccountCredentials.fromStream(key).createScoped(SCOPES);
            return auth.delegatedUser() == null || auth.delegatedUser().isBlank()
                    ? credentials
                    : credentials.createDelegated(auth.delegatedUser());
        } catch (IOException e) {
            throw notConnected(
                    tenant,
                    "service account key file " + auth.serviceAccountKeyFile() + " cannot be read: " + e.getMessage());
        }
    }

    private GoogleCredentials userGrant(String tenant, TenantSettings.Auth auth) {
        if (auth == null || auth.clientId() == null || auth.clientSecret() == null) {
            throw notConnected(tenant, "calendar.auth.client-id and client-secret are required in oauth mode");
        }
        String refreshToken = grants.refreshToken(tenant)
                .orElseThrow(() ->
                        notConnected(tenant, "no Google grant yet: an administrator opens /connect/google/" + tenant));
        return UserCredentials.newBuilder()
                .setClientId(auth.clientId())
                .setClientSecret(auth.clientSecret())
                .setRefreshToken(refreshToken)
                .setTokenServerUri(URI.create(auth.tokenUrlOrDefault()))
                .build();
    }

    private static GoogleFailure notConnected(String tenant, String why) {
        return new GoogleFailure(
                GoogleFailure.Kind.FORBIDDEN, null, "notConnected", "tenant " + tenant + " is not connected: " + why);
    }
}
