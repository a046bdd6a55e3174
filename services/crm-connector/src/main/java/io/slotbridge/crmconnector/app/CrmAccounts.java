package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.TenantDirectory;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.config.UnknownTenantException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The open CRM account of every tenant whose CRM kind has an adapter in this build. */
@Component
public class CrmAccounts {

    private static final Logger log = LoggerFactory.getLogger(CrmAccounts.class);

    private final TenantDirectory tenants;
    private final Map<String, CrmAdapter> adapters;
    private final Map<String, CrmAccount> open = new ConcurrentHashMap<>();

    public CrmAccounts(TenantDirectory tenants, List<CrmAdapter> adapters) {
        this.tenants = tenants;
        this.adapters = adapters.stream().collect(Collectors.toMap(CrmAdapter::kind, Function.identity()));
        tenants.tenants().forEach((tenant, settings) -> {
            String kind = kindOf(settings);
            if (kind == null) {
                log.info("tenant {} has no crm section; the crm-connector ignores it", tenant);
            } else if (!this.adapters.containsKey(kind)) {
                log.warn(
                        "tenant {}: crm.kind '{}' has no adapter in this build (known: {}); it is skipped",
                        tenant,
                        kind,
                        this.adapters.keySet());
            }
        });
    }

    public CrmAccount get(String tenant) {
        return open.computeIfAbsent(tenant, t -> {
            TenantSettings settings = tenants.get(t);
            CrmAdapter adapter = adapters.get(kindOf(settings));
            if (adapter == null) {
                throw new UnknownTenantException(t);
            }
            return adapter.open(t, settings);
        });
    }

    public boolean serves(String tenant) {
        return tenants.find(tenant).map(s -> adapters.containsKey(kindOf(s))).orElse(false);
    }

    /** Tenants this build serves, in id order. */
    public List<String> servedTenants() {
        return tenants.tenants().keySet().stream().filter(this::serves).toList();
    }

    private static String kindOf(TenantSettings settings) {
        return settings.crm() == null ? null : settings.crm().kind();
    }
}
