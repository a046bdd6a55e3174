package io.slotbridge.crmconnector.amocrm;

import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.app.ConnectionHealth;
import io.slotbridge.crmconnector.app.CrmAccount;
import io.slotbridge.crmconnector.app.CrmApi;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.http.AccountGuard;
import java.time.Instant;

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
        String status;
        String tokenProblem = tokens.problem().orElse(null);
        if (guard.blockedUntil() != null || guard.circuitState().equals("OPEN")) {
            status = "blocked";
        } else if (tokenProblem != null) {
            status = tokenProblem;
        } else if (guard.throttledLastMinute() > 0) {
            status = "rate-limited";
        } else {
            status = "ok";
        }
        Instant expiresAt = tokens.expiresAt().orElse(null);
        return new ConnectionHealth(
                status,
                expiresAt,
                guard.requestsPerSecond(),
                guard.requestsLastMinute(),
                guard.throttledLastMinute(),
                guard.blockedLastMinute(),
                guard.circuitState(),
                guard.availablePermits(),
                guard.blockedUntil());
    }

    @Override
    public String webhookDestination(String publicBaseUrl) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/hooks/amocrm/" + tenant + "/" + settings.crm().webhookSecret();
    }

    @Override
    public void refreshCredentialsIfDue() {
        if (tokens.refreshable() && tokens.problem().isEmpty()) {
            tokens.current();
        }
    }
}
