package io.slotbridge.calendarconnector.sync;

import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.calendarconnector.slot.domain.CardUrlPattern;
import io.slotbridge.calendarconnector.slot.domain.LeadLinkResolver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LeadLinkResolver} per tenant, built from its {@code crm.card-url-template}. */
public class LeadLinks {

    private final TenantDirectory tenants;
    private final Map<String, LeadLinkResolver> resolvers = new ConcurrentHashMap<>();

    public LeadLinks(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public LeadLinkResolver forTenant(String tenant) {
        return resolvers.computeIfAbsent(tenant, t -> {
            TenantSettings.Crm crm = tenants.get(t).crm();
            String template = crm == null ? null : crm.cardUrlTemplate();
            return new LeadLinkResolver(
                    t, template == null || template.isBlank() ? CardUrlPattern.none() : CardUrlPattern.of(template));
        });
    }
}
