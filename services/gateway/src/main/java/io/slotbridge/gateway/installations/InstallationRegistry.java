package io.slotbridge.gateway.installations;

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

    public int size() {
        return byTenant.size();
    }
}
