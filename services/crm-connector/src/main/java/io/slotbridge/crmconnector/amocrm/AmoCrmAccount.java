package io.slotbridge.crmconnector.amocrm;

import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.app.ConnectionHealth;
import io.slotbridge.crmconnector.app.CrmAccount;
import io.slotbridge.crmconnector.app.CrmApi;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.http.AccountGuard;

/** One tenant's amoCRM account. */
final class AmoCrmAccount implements CrmAccount {

    private final String tenant;
    private final TenantSettings settings;
    private final AmoCrmClient client;
    private final AccountGuard guard;
    private final AmoCrmTokens tokens;

    AmoCrmAccount(
            String tenant, TenantSettings settings, AmoCrmClient client, AccountGuard guard, AmoCrmTokens tokens) {
        this.tenant = tenant;
        this.settings = settings;
        this.client = client;
        this.guard = guard;
        this.tokens = tokens;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public CrmKind kind() {
        return CrmKind.AMOCRM;
    }

    @Override
    public TenantSettings settings() {
        return settings;
    }

    @Override
    public CrmApi api() {
        return client;
    }

    AmoCrmTokens tokens() {
        return tokens;
    }

    @Override
    public ConnectionHealth health() {
        return guard.health(tokens.problem().orElse(null), tokens.expiresAt().orElse(null));
    }

    @Override
    public String webhookDestination(String publicBaseUrl) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        String secret = settings.crm().webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("tenant " + tenant + ": crm.webhook-secret is not set");
        }
        return base + "/hooks/amocrm/" + tenant + "/" + secret;
    }

    @Override
    public void refreshCredentialsIfDue() {
        if (tokens.refreshable() && tokens.problem().isEmpty()) {
            tokens.current();
        }
    }
}
