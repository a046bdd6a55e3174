package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
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
import io.slotbridge.crmconnector.store.InstallationStore;
import io.slotbridge.crmconnector.store.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Opens Bitrix24 portals: one leaky-bucket guard, batch runner and client per tenant. */
@Component
public class Bitrix24Adapter implements CrmAdapter, OAuthConnect {

    public static final String KIND = "bitrix24";

    /** Bitrix24's documented cloud limit: the bucket drains 2 requests per second and blocks at 50. */
    static final double DEFAULT_REQUESTS_PER_SECOND = 2.0;

    static final int DEFAULT_BURST = 50;

    private final CrmConnectorProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonHttp http;
    private final TokenStore tokens;
    private final InstallationStore installations;
    private final Bitrix24OAuth oauth;
    private final Duration defaultMethodPark;

    public Bitrix24Adapter(
            CrmConnectorProperties properties,
            TokenStore tokens,
            InstallationStore installations,
            Clock clock,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            @Value("${slotbridge.crm-connector.bitrix24.default-method-park:PT1M}") Duration defaultMethodPark) {
        this.properties = properties;
        this.tokens = tokens;
        this.installations = installations;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
        this.http = new JsonHttp(
                properties.http().connectTimeout(), properties.http().readTimeout());
        this.oauth = new Bitrix24OAuth(http, json);
        this.defaultMethodPark = defaultMethodPark;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CrmAccount open(String tenant, TenantSettings settings) {
        TenantSettings.Crm crm = settings.crm();
        Bitrix24Entity entity = Bitrix24Entity.of(crm.entity());
        double rps = crm.requestsPerSecond() == null || crm.requestsPerSecond() <= 0
                ? DEFAULT_REQUESTS_PER_SECOND
                : crm.requestsPerSecond();
        int burst = crm.burst() == null || crm.burst() <= 0 ? DEFAULT_BURST : crm.burst();
        AccountGuard guard = AccountGuard.forTenant(
                tenant,
                rps,
                guardBurst(burst, properties.rateSafetyMargin()),
                properties,
                clock,
                blocked -> events.publishEvent(new AccountBlocked(blocked)));
        Bitrix24Credentials credentials = new Bitrix24Credentials(tenant, crm, tokens, oauth, clock);
        Bitrix24Http bitrixHttp = new Bitrix24Http(
                tenant,
                http,
                guard,
                credentials,
                json,
                meters,
                new Bitrix24MethodParking(tenant, defaultMethodPark, clock, meters));
        Bitrix24Batch batch = new Bitrix24Batch(
                bitrixHttp,
                json,
                properties.retry().maxAttempts(),
                properties.retry().initialBackoff(),
                DistributionSummary.builder("slotbridge.crm.write.batch.size")
                        .tag("tenant", tenant)
                        .tag("crm", KIND)
                        .register(meters));
        Bitrix24Client client = new Bitrix24Client(
                tenant,
                bitrixHttp,
                batch,
                entity,
                credentials,
                crm.lossReasonField(),
                crm.pipeline(),
                settings.timeZone(),
                json,
                clock);
        return new Bitrix24Account(
                tenant, settings, client, guard, entity, credentials, () -> installations.exists(tenant));
    }

    /**
     * Our bucket drains like the portal's (at rps, less the safety margin) but holds less than it: requests leave
     * spaced, yet arrive with network and scheduling jitter, and a burst the size of the portal's whole bucket lets one
     * early arrival overflow it (Bitrix24LoadIT saw a level of 4.1 in a bucket of 4).
     */
    static long guardBurst(int portalBurst, double safetyMargin) {
        return Math.max(1, (long) Math.floor(portalBurst * (1 - safetyMargin)));
    }

    @Override
    public String displayName() {
        return "Bitrix24";
    }

    @Override
    public String authorizeUrl(TenantSettings settings, String state) {
        requireOAuth(settings);
        return Bitrix24OAuth.authorizeUrl(settings.crm(), state);
    }

    @Override
    public Instant completeConnect(String tenant, TenantSettings settings, String code) {
        requireOAuth(settings);
        Instant now = clock.instant();
        Bitrix24OAuth.TokenPair pair = oauth.exchangeCode(settings.crm(), code, now);
        tokens.save(Bitrix24Credentials.CRM, tenant, pair.accessToken(), pair.refreshToken(), pair.expiresAt(), now);
        return pair.expiresAt();
    }

    private static void requireOAuth(TenantSettings settings) {
        TenantSettings.Auth auth = settings.crm().auth();
        if (auth == null || !auth.modeOrDefault().equals("oauth") || auth.clientId() == null) {
            throw new NotConnectedException("this tenant does not use OAuth (crm.auth.mode must be oauth with"
                    + " client-id, client-secret and redirect-uri of the portal's application)");
        }
    }
}
