package io.slotbridge.gateway.amocrm.domain;

import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.PathSecrets;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.ingest.domain.WebhookSource;
import java.util.Set;

/** amoCRM: unsigned form posts, so the URL carries the tenant's secret ({@code crm.webhook-secret}). */
public final class AmoCrmSource implements WebhookSource {

    public static final String REQUEST_ID_HEADER = "X-Amocrm-Requestid";

    @Override
    public IngressSource source() {
        return IngressSource.AMOCRM;
    }

    @Override
    public String credentialName() {
        return "secret path segment (crm.webhook-secret)";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-www-form-urlencoded");
    }

    @Override
    public boolean authenticates(String tenantId, TenantCredentials tenant, HookHeaders headers, String pathSecret) {
        return PathSecrets.matches(tenant.amoCrmWebhookSecret(), pathSecret);
    }

    @Override
    public Parsed parse(TenantCredentials tenant, HookRequest request) {
        return AmoCrmWebhook.parse(request, tenant.crmAccount());
    }

    @Override
    public String providerRequestId(HookHeaders headers) {
        return headers.get(REQUEST_ID_HEADER);
    }
}
