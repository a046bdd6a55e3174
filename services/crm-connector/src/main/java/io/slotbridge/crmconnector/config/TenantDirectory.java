package io.slotbridge.crmconnector.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every tenant of the shared tenants file ({@code slotbridge.tenants}, imported from {@code SLOTBRIDGE_TENANT_CONFIG})
 * and the gateway's public base URL, which webhook destinations are built from.
 */
@ConfigurationProperties("slotbridge")
public record TenantDirectory(String publicBaseUrl, Map<String, TenantSettings> tenants) {

    public TenantDirectory {
        tenants = tenants == null ? Map.of() : new TreeMap<>(tenants);
    }

    public Optional<TenantSettings> find(String tenant) {
        return Optional.ofNullable(tenants.get(tenant));
    }

    /** The tenant's settings, or {@link UnknownTenantException}. */
    public TenantSettings get(String tenant) {
        return find(tenant).orElseThrow(() -> new UnknownTenantException(tenant));
    }
}
