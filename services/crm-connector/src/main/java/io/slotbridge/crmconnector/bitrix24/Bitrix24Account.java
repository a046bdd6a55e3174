package io.slotbridge.crmconnector.bitrix24;

import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.app.ConnectionHealth;
import io.slotbridge.crmconnector.app.CrmAccount;
import io.slotbridge.crmconnector.app.CrmApi;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.http.AccountGuard;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** One tenant's Bitrix24 portal. */
final class Bitrix24Account implements CrmAccount {

    private final String tenant;
    private final TenantSettings settings;
    private final Bitrix24Client client;
    private final AccountGuard guard;
    private final Bitrix24Entity entity;
    private final Bitrix24Credentials credentials;
    private final BooleanSupplier installed;

    /** @param installed whether a verified application install stored the portal's application token */
    Bitrix24Account(
            String tenant,
            TenantSettings settings,
            Bitrix24Client client,
            AccountGuard guard,
            Bitrix24Entity entity,
            Bitrix24Credentials credentials,
            BooleanSupplier installed) {
        this.tenant = tenant;
        this.settings = settings;
        this.client = client;
        this.guard = guard;
        this.entity = entity;
        this.credentials = credentials;
        this.installed = installed;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public CrmKind kind() {
        return CrmKind.BITRIX24;
    }

    @Override
    public TenantSettings settings() {
        return settings;
    }

    @Override
    public CrmApi api() {
        return client;
    }

    /** One call outside the client (an install's {@code app.info}) under the portal's bucket and circuit. */
    <T> T withinRequestBudget(Supplier<T> call) {
        return guard.call(call);
    }

    @Override
    public ConnectionHealth health() {
        return guard.health(
                credentials.problem().orElse(null), credentials.expiresAt().orElse(null));
    }

    /** Add, update and delete of the tenant's entity, and contact updates; never the amoCRM names. */
    @Override
    public List<String> webhookEvents(List<String> amoCrmSettings) {
        return entity.events();
    }

    /**
     * The gateway's Bitrix24 endpoint; it authenticates each event by {@code auth[application_token]}, so the tenant
     * needs {@code crm.application-token} or an installed application before any handler is worth binding.
     */
    @Override
    public String webhookDestination(String publicBaseUrl) {
        String token = settings.crm().applicationToken();
        if ((token == null || token.isBlank()) && !installed.getAsBoolean()) {
            throw new IllegalStateException("tenant " + tenant + ": neither crm.application-token is set nor the"
                    + " Bitrix24 application installed, so the gateway would refuse every Bitrix24 event");
        }
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/hooks/bitrix24/" + tenant;
    }
}
