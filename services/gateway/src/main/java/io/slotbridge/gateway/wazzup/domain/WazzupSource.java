package io.slotbridge.gateway.wazzup.domain;

import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.PathSecrets;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.ingest.domain.WebhookSource;
import java.util.Set;

/** Wazzup: no signature, so the URL carries the tenant's {@code messaging.wazzup.webhook-secret}. */
public final class WazzupSource implements WebhookSource {

    @Override
    public IngressSource source() {
        return IngressSource.WAZZUP;
    }

    @Override
    public String credentialName() {
        return "secret path segment (messaging.wazzup.webhook-secret)";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/json");
    }

    @Override
    public boolean authenticates(String tenantId, TenantCredentials tenant, HookHeaders headers, String pathSecret) {
        return PathSecrets.matches(tenant.wazzupWebhookSecret(), pathSecret);
    }

    @Override
    public Parsed parse(TenantCredentials tenant, HookRequest request) {
        return WazzupWebhook.parse(request);
    }
}
