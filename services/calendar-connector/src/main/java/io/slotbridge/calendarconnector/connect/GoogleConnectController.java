package io.slotbridge.calendarconnector.connect;

import com.google.auth.oauth2.ClientId;
import com.google.auth.oauth2.UserAuthorizer;
import com.google.auth.oauth2.UserCredentials;
import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.config.CalendarConnectorProperties;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.calendarconnector.google.CalendarServices;
import io.slotbridge.calendarconnector.google.GoogleGrantRepository;
import io.slotbridge.calendarconnector.web.AdminProblems;
import io.slotbridge.platform.admin.AdminAccess;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth user grant for tenants in {@code calendar.auth.mode: oauth}. The console hands an administrator a link
 * with a short-lived admin ticket; we send the browser to Google's consent page (offline access, so Google issues a
 * refresh token) and store the refresh token from the callback encrypted. Then the calendar is watched right away.
 */
@RestController
public class GoogleConnectController {

    static final String TICKET_PURPOSE = "connect-google";
    private static final Logger log = LoggerFactory.getLogger(GoogleConnectController.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDirectory tenants;
    private final ObjectProvider<AdminAccess> adminAccess;
    private final OAuthStateRepository states;
    private final GoogleGrantRepository grants;
    private final CalendarServices services;
    private final WatchChannels channels;
    private final CalendarConnectorProperties properties;
    private final Clock clock;

    public GoogleConnectController(
            TenantDirectory tenants,
            ObjectProvider<AdminAccess> adminAccess,
            OAuthStateRepository states,
            GoogleGrantRepository grants,
            CalendarServices services,
            WatchChannels channels,
            CalendarConnectorProperties properties,
            Clock clock) {
        this.tenants = tenants;
        this.adminAccess = adminAccess;
        this.states = states;
        this.grants = grants;
        this.services = services;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/connect/google/{tenant}")
    public ResponseEntity<?> connect(@PathVariable String tenant, @RequestParam(required = false) String ticket) {
        if (!adminAccess.getObject().verifyTicket(TICKET_PURPOSE, tenant, ticket)) {
            return AdminProblems.problem(HttpStatus.UNAUTHORIZED, "invalid or expired connect ticket");
        }
        TenantSettings.Auth auth = oauthSettings(tenant);
        String state = randomState();
        StoredPkce pkce = StoredPkce.fresh();
        states.save(state, tenant, pkce.getCodeVerifier(), clock.instant().plus(properties.connectStateTtl()));
        URI consent = URI.create(authorizer(auth, pkce)
                .getAuthorizationUrl(null, state, null, Map.of("access_type", "offline", "prompt", "consent"))
                .toString());
        log.info("tenant {}: administrator sent to Google's consent page", tenant);
        return ResponseEntity.status(HttpStatus.FOUND).location(consent).build();
    }

    @GetMapping("/connect/google/{tenant}/callback")
    public ResponseEntity<?> callback(
            @PathVariable String tenant,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error) {
        TenantSettings.Auth auth = oauthSettings(tenant);
        if (error != null) {
            return AdminProblems.problem(HttpStatus.BAD_REQUEST, "Google consent was not given: " + error);
        }
        if (code == null || state == null) {
            return AdminProblems.problem(HttpStatus.BAD_REQUEST, "the callback needs code and state");
        }
        var verifier = states.consume(state, tenant, clock.instant());
        if (verifier.isEmpty()) {
            return AdminProblems.problem(HttpStatus.UNAUTHORIZED, "unknown or expired OAuth state; start again");
        }
        UserCredentials credentials;
        try {
            credentials = authorizer(auth, new StoredPkce(verifier.get())).getCredentialsFromCode(code, null);
        } catch (IOException e) {
            log.warn("tenant {}: Google refused the authorization code: {}", tenant, e.getMessage());
            return AdminProblems.problem(HttpStatus.BAD_GATEWAY, "Google refused the authorization code");
        }
        if (credentials.getRefreshToken() == null) {
            return AdminProblems.problem(
                    HttpStatus.BAD_GATEWAY,
                    "Google issued no refresh token; revoke the app's access and connect again");
        }
        grants.store(tenant, credentials.getRefreshToken(), "oauth-consent", clock.instant());
        services.forget(tenant);
        log.info("tenant {}: Google grant stored (encrypted)", tenant);
        String watch = "not opened";
        try {
            watch = "channel " + channels.ensure(tenant, false).channelId();
        } catch (RuntimeException e) {
            log.warn("tenant {}: connected, but the watch channel could not be opened yet: {}", tenant, e.getMessage());
        }
        return ResponseEntity.ok(Map.of("tenant", tenant, "connected", true, "watch", watch));
    }

    private TenantSettings.Auth oauthSettings(String tenant) {
        TenantSettings settings = tenants.get(tenant);
        if (!settings.hasGoogleCalendar() || !"oauth".equals(settings.calendar().authMode())) {
            throw new AdminProblems.Rejected(
                    HttpStatus.CONFLICT, "tenant " + tenant + " does not use calendar.auth.mode oauth");
        }
        TenantSettings.Auth auth = settings.calendar().auth();
        if (auth.clientId() == null || auth.clientSecret() == null || auth.redirectUri() == null) {
            throw new AdminProblems.Rejected(
                    HttpStatus.CONFLICT,
                    "tenant " + tenant + ": calendar.auth.client-id, client-secret and redirect-uri are required");
        }
        return auth;
    }

    private static UserAuthorizer authorizer(TenantSettings.Auth auth, StoredPkce pkce) {
        return UserAuthorizer.newBuilder()
                .setClientId(ClientId.of(auth.clientId(), auth.clientSecret()))
                .setScopes(java.util.List.of(com.google.api.services.calendar.CalendarScopes.CALENDAR_EVENTS))
                .setCallbackUri(URI.create(auth.redirectUri()))
                .setUserAuthUri(URI.create(auth.authorizeUrlOrDefault()))
                .setTokenServerUri(URI.create(auth.tokenUrlOrDefault()))
                .setPKCEProvider(pkce)
                .build();
    }

    private static String randomState() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
