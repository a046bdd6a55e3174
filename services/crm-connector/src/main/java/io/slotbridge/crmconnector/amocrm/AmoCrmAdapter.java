package io.slotbridge.crmconnector.amocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.crmconnector.app.AccountBlocked;
import io.slotbridge.crmconnector.app.CrmAccount;
import io.slotbridge.crmconnector.app.CrmAdapter;
import io.slotbridge.crmconnector.app.NotConnectedException;
import io.slotbridge.crmconnector.app.OAuthConnect;
import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.http.AccountGuard;
import io.slotbridge.crmconnector.http.JsonHttp;
import io.slotbridge.crmconnector.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Opens amoCRM accounts; also the OAuth code exchange of the connect flow. */
@Component
public class AmoCrmAdapter implements CrmAdapter, OAuthConnect {

    public static final String KIND = "amocrm";

    private final CrmConnectorProperties properties;
    private final TokenStore tokens;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonHttp http;
    private final AmoOAuth oauth;

    public AmoCrmAdapter(
            CrmConnectorProperties properties,
            TokenStore tokens,
            Clock clock,
            MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.properties = properties;
        this.tokens = tokens;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
        this.http = new JsonHttp(
                properties.http().connectTimeout(), properties.http().readTimeout());
        this.oauth = new AmoOAuth(http, json);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CrmAccount open(String tenant, TenantSettings settings) {
        TenantSettings.Crm crm = settings.crm();
        if (crm.baseUrl() == null || crm.baseUrl().isBlank()) {
            throw new IllegalStateException("tenant " + tenant + ": crm.base-url is not set");
        }
        AccountGuard guard = AccountGuard.forTenant(
                tenant,
                crm.requestsPerSecondOrDefault(),
                1, // amoCRM counts requests per second: evenly spaced, never a burst
                properties,
                clock,
                blocked -> events.publishEvent(new AccountBlocked(blocked)));
        AmoCrmTokens accountTokens = new AmoCrmTokens(
                tenant, crm, tokens, oauth, clock, properties.tokenRefreshAhead(), properties.idleRefreshAfter());
        AmoCrmHttp amoHttp = new AmoCrmHttp(tenant, crm.baseUrl(), http, guard, accountTokens, json, meters);
        AmoCrmClient client = new AmoCrmClient(
                amoHttp, json, properties.readBatchSize(), properties.writeBatchSize(), clock, meters, tenant);
        return new AmoCrmAccount(tenant, settings, client, guard, accountTokens);
    }

    @Override
    public String displayName() {
        return "amoCRM";
    }

    @Override
    public String authorizeUrl(TenantSettings settings, String state) {
        requireOAuth(settings);
        return AmoOAuth.authorizeUrl(settings.crm(), state);
    }

    @Override
    public Instant completeConnect(String tenant, TenantSettings settings, String code) {
        requireOAuth(settings);
        Instant now = clock.instant();
        AmoOAuth.TokenPair pair = oauth.exchangeCode(settings.crm(), code, now);
        tokens.save(AmoCrmTokens.CRM, tenant, pair.accessToken(), pair.refreshToken(), pair.expiresAt(), now);
        return pair.expiresAt();
    }

    /** Forces the refresh path as a 401 would (used by the refresh-race tests and the console's "refresh now"). */
    public String refreshAfterRejection(CrmAccount account, String rejectedToken) {
        return ((AmoCrmAccount) account).tokens().refresh(rejectedToken);
    }

    public String currentToken(CrmAccount account) {
        return ((AmoCrmAccount) account).tokens().current();
    }

    private static void requireOAuth(TenantSettings settings) {
        TenantSettings.Auth auth = settings.crm().auth();
        if (auth == null || !auth.modeOrDefault().equals("oauth") || auth.clientId() == null) {
            throw new NotConnectedException(
                    "this tenant does not use OAuth (crm.auth.mode must be oauth with client-id, client-secret and redirect-uri)");
        }
    }
}
