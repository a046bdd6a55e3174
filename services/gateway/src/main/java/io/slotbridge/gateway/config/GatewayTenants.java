package io.slotbridge.gateway.config;

import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's view of the shared tenant file: only the webhook credentials of each tenant. A tenant that is not
 * configured is simply absent (the gateway answers 401 for it, exactly as for a wrong secret).
 */
@ConfigurationProperties("slotbridge")
public record GatewayTenants(Map<String, TenantCredentials> tenants) {

    public GatewayTenants {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    public Optional<TenantCredentials> find(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }
}
