package io.slotbridge.calendarconnector.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every tenant of the shared tenants file ({@code slotbridge.tenants}, imported from {@code SLOTBRIDGE_TENANT_CONFIG})
 * and the gateway's public base URL, which watch-channel addresses are built from.
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

    /** Tenants whose meeting calendar is a Google calendar. */
    public List<String> googleTenants() {
        return tenants.entrySet().stream()
                .filter(e -> e.getValue().hasGoogleCalendar())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Where Google posts notifications for this tenant: the gateway's {@code /hooks/google/{tenant}}. */
    public String hookAddress(String tenant) {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            throw new IllegalStateException("slotbridge.public-base-url is not set: Google needs the gateway's public "
                    + "HTTPS address to send push notifications to");
        }
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/hooks/google/" + tenant;
    }
}
