package io.slotbridge.gateway.installations;

import io.slotbridge.contracts.crm.CrmAppUninstalled;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Installation;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Installations;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest installation per tenant, read from {@code crm.installations.v1}; what request threads look up. */
public class InstallationRegistry implements Bitrix24Installations {

    private final Map<String, Bitrix24Installation> byTenant = new ConcurrentHashMap<>();

    @Override
    public Optional<Bitrix24Installation> find(String tenant) {
        return Optional.ofNullable(byTenant.get(tenant));
    }

    /** A later installation of a tenant replaces the earlier one (a reinstall issues a new application token). */
    public void installed(String tenant, Bitrix24Installation installation) {
        byTenant.put(tenant, installation);
    }

    /**
     * Forgets the tenant's installation if it is the one uninstalled (same member id and token digest); an older
     * installation's uninstall, delivered after a reinstall, changes nothing. True when one was forgotten.
     */
    public boolean uninstalled(CrmAppUninstalled uninstalled) {
        Bitrix24Installation current = byTenant.get(uninstalled.tenant());
        return current != null
                && uninstalled.concerns(current.memberId(), current.applicationTokenSha256())
                && byTenant.remove(uninstalled.tenant(), current);
    }

    public int size() {
        return byTenant.size();
    }
}
