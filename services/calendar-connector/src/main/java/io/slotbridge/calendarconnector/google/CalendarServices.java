package io.slotbridge.calendarconnector.google;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.slotbridge.calendarconnector.config.CalendarConnectorProperties;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One official Google Calendar client per tenant, pointed at the tenant's {@code calendar.root-url} (Google, the
 * sandbox or WireMock) and authorised by the tenant's credentials.
 */
public class CalendarServices {

    private static final String APPLICATION_NAME = "slotbridge-calendar-connector";

    private final TenantDirectory tenants;
    private final GoogleCredentialsFactory credentialsFactory;
    private final CalendarConnectorProperties.Http http;
    private final NetHttpTransport transport = new NetHttpTransport();
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    public CalendarServices(
            TenantDirectory tenants,
            GoogleCredentialsFactory credentialsFactory,
            CalendarConnectorProperties.Http http) {
        this.tenants = tenants;
        this.credentialsFactory = credentialsFactory;
        this.http = http;
    }

    public Calendar forTenant(String tenant) {
        return connections.computeIfAbsent(tenant, this::connect).calendar();
    }

    /** Drops the cached client, e.g. after an administrator granted new OAuth access. */
    public void forget(String tenant) {
        connections.remove(tenant);
    }

    /** Expiry of the current access token, when the tenant uses refreshable credentials and one was fetched. */
    public Optional<Instant> accessTokenExpiry(String tenant) {
        Connection connection = connections.get(tenant);
        if (connection == null || connection.credentials() == null) {
            return Optional.empty();
        }
        AccessToken token = connection.credentials().getAccessToken();
        return token == null || token.getExpirationTime() == null
                ? Optional.empty()
                : Optional.of(token.getExpirationTime().toInstant());
    }

    private Connection connect(String tenant) {
        TenantSettings.Calendar calendar = tenants.get(tenant).calendar();
        GoogleCredentials credentials = credentialsFactory.credentials(tenant, calendar);
        HttpRequestInitializer authorisation = credentials == null
                ? request -> request.getHeaders().setAuthorization("Bearer " + staticToken(tenant, calendar))
                : new HttpCredentialsAdapter(credentials);
        HttpRequestInitializer initializer = request -> {
            authorisation.initialize(request);
            request.setConnectTimeout((int) http.connectTimeout().toMillis());
            request.setReadTimeout((int) http.readTimeout().toMillis());
        };
        Calendar client = new Calendar.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(calendar.rootUrlOrDefault())
                .setApplicationName(APPLICATION_NAME)
                .build();
        return new Connection(client, credentials);
    }

    private static String staticToken(String tenant, TenantSettings.Calendar calendar) {
        if (calendar.auth() == null || calendar.auth().staticToken() == null) {
            throw new GoogleFailure(
                    GoogleFailure.Kind.FORBIDDEN,
                    null,
                    "notConnected",
                    "tenant " + tenant + ": calendar.auth.static-token is not set");
        }
        return calendar.auth().staticToken();
    }

    private record Connection(Calendar calendar, GoogleCredentials credentials) {}
}
