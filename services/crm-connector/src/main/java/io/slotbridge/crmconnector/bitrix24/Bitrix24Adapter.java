package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.crmconnector.app.AccountBlocked;
import io.slotbridge.crmconnector.app.CrmAccount;
import io.slotbridge.crmconnector.app.CrmAdapter;
import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.http.AccountGuard;
import io.slotbridge.crmconnector.http.JsonHttp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Opens Bitrix24 portals: one leaky-bucket guard, batch runner and client per tenant. */
@Component
public class Bitrix24Adapter implements CrmAdapter {

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

    public Bitrix24Adapter(
            CrmConnectorProperties properties, Clock clock, MeterRegistry meters, ApplicationEventPublisher events) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
        this.http = new JsonHttp(
                properties.http().connectTimeout(), properties.http().readTimeout());
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
                burst, // the bucket mirrors the portal's: drains at rps, holds burst
                properties,
                clock,
                blocked -> events.publishEvent(new AccountBlocked(blocked)));
        Bitrix24Credentials credentials = new Bitrix24Credentials(tenant, crm);
        Bitrix24Http bitrixHttp = new Bitrix24Http(tenant, http, guard, credentials, json, meters);
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
        return new Bitrix24Account(tenant, settings, client, guard, entity);
    }
}
