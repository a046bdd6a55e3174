package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.config.TenantDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the gateway's webhook URL for a tenant (idempotent: an existing subscription with every event we need is
 * left alone, one missing events is replaced), lists ours, and removes ours. "Ours" = destination of this tenant.
 */
@Component
public class WebhookInstaller {

    private static final Logger log = LoggerFactory.getLogger(WebhookInstaller.class);

    private final CrmAccounts accounts;
    private final TenantDirectory tenants;
    private final CrmConnectorProperties properties;

    public WebhookInstaller(CrmAccounts accounts, TenantDirectory tenants, CrmConnectorProperties properties) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.properties = properties;
    }

    /** @param created false when an identical subscription already existed */
    public record Installed(CrmApi.Webhook webhook, boolean created) {}

    public Installed install(String tenant) {
        CrmAccount account = accounts.get(tenant);
        String destination = destination(account);
        List<String> events = account.webhookEvents(properties.webhookEvents());
        for (CrmApi.Webhook existing : account.api().webhooks()) {
            if (existing.destination().equals(destination)) {
                if (!existing.disabled() && new HashSet<>(existing.events()).containsAll(events)) {
                    log.info("tenant {}: webhook already installed with every event we need", tenant);
                    return new Installed(existing, false);
                }
                log.info("tenant {}: webhook exists but is disabled or misses events; re-installing", tenant);
                account.api().removeWebhook(destination);
            }
        }
        CrmApi.Webhook created = account.api().installWebhook(destination, events);
        log.info("tenant {}: webhook installed for events {}", tenant, events);
        return new Installed(created, true);
    }

    public List<CrmApi.Webhook> ours(String tenant) {
        CrmAccount account = accounts.get(tenant);
        String destination = destination(account);
        return account.api().webhooks().stream()
                .filter(w -> w.destination().equals(destination))
                .toList();
    }

    /** Removes our subscriptions; returns how many there were. */
    public int remove(String tenant) {
        CrmAccount account = accounts.get(tenant);
        List<CrmApi.Webhook> ours = ours(tenant);
        Set<String> destinations = new HashSet<>();
        ours.forEach(w -> destinations.add(w.destination()));
        destinations.forEach(d -> account.api().removeWebhook(d));
        log.info("tenant {}: {} webhook subscription(s) removed", tenant, ours.size());
        return ours.size();
    }

    /** The destination with the secret masked, for answers and logs. */
    public String maskedDestination(String tenant) {
        String destination = destination(accounts.get(tenant));
        int cut = destination.lastIndexOf('/');
        return destination.substring(0, cut + 1) + "***";
    }

    private String destination(CrmAccount account) {
        if (tenants.publicBaseUrl() == null || tenants.publicBaseUrl().isBlank()) {
            throw new IllegalStateException(
                    "slotbridge.public-base-url is not set: webhooks need the gateway's public URL");
        }
        return account.webhookDestination(tenants.publicBaseUrl());
    }
}
