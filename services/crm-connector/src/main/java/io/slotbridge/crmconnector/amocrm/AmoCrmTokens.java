package io.slotbridge.crmconnector.amocrm;

import io.slotbridge.crmconnector.app.NotConnectedException;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.platform.crypto.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of one tenant's amoCRM account. {@code oauth}: tokens from the database, refreshed proactively
 * before expiry (and for idle accounts before the refresh token would die), and once after a 401; every refresh runs
 * under the token row's lock and commits the new pair before it is used, so neither two threads nor two instances
 * can spend the same single-use refresh token. {@code long-lived-token} and {@code static-token}: the configured
 * token, never refreshed.
 */
final class AmoCrmTokens {

    static final String CRM = "amocrm";
    private static final Logger log = LoggerFactory.getLogger(AmoCrmTokens.class);

    private final String tenant;
    private final TenantSettings.Crm crm;
    private final TokenStore store;
    private final AmoOAuth oauth;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Duration idleRefreshAfter;

    AmoCrmTokens(
            String tenant,
            TenantSettings.Crm crm,
            TokenStore store,
            AmoOAuth oauth,
            Clock clock,
            Duration refreshAhead,
            Duration idleRefreshAfter) {
        this.tenant = tenant;
        this.crm = crm;
        this.store = store;
        this.oauth = oauth;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.idleRefreshAfter = idleRefreshAfter;
    }

    String mode() {
        return crm.auth() == null ? "oauth" : crm.auth().modeOrDefault();
    }

    boolean refreshable() {
        return mode().equals("oauth");
    }

    /** A token to call the API with now. */
    String current() {
        switch (mode()) {
            case "static-token":
                return required(crm.auth().staticToken(), "crm.auth.static-token");
            case "long-lived-token":
                return required(crm.auth().longLivedToken(), "crm.auth.long-lived-token");
            case "oauth":
                break;
            default:
                throw new NotConnectedException("tenant " + tenant + ": crm.auth.mode '" + mode()
                        + "' is not supported for amoCRM (oauth, long-lived-token, static-token)");
        }
        TokenStore.Tokens tokens = connected(store.find(CRM, tenant));
        if (fresh(tokens)) {
            return tokens.accessToken();
        }
        return refresh(null);
    }

    /**
     * Refreshes under the row lock. With {@code rejected} set (after a 401) it refreshes only if the stored token is
     * still the rejected one; otherwise someone else already refreshed and their token is returned.
     */
    String refresh(String rejected) {
        try {
            return store.underLock(CRM, tenant, row -> refreshUnderLock(row, rejected));
        } catch (RefreshRefused refused) {
            // outside the lock's transaction: the refusal rolled that one back
            store.markNeedsReauth(tenant);
            log.error("tenant {}: amoCRM refused our refresh token; the account needs to be connected again", tenant);
            throw refused;
        }
    }

    private String refreshUnderLock(Optional<TokenStore.Tokens> row, String rejected) {
        TokenStore.Tokens tokens = connected(row);
        boolean someoneElseRefreshed = rejected != null && !Secrets.constantTimeEquals(tokens.accessToken(), rejected);
        if (someoneElseRefreshed || (rejected == null && fresh(tokens))) {
            return tokens.accessToken();
        }
        if (tokens.refreshToken() == null) {
            throw new NotConnectedException("tenant " + tenant + " has no refresh token; connect the account again");
        }
        Instant now = clock.instant();
        AmoOAuth.TokenPair pair;
        try {
            pair = oauth.refresh(crm, tokens.refreshToken(), now);
        } catch (NotConnectedException e) {
            throw new RefreshRefused(e.reason());
        }
        // persisted (and committed with the lock) before anyone uses the new access token
        store.save(CRM, tenant, pair.accessToken(), pair.refreshToken(), pair.expiresAt(), now);
        log.info("tenant {}: amoCRM tokens refreshed, access token valid until {}", tenant, pair.expiresAt());
        return pair.accessToken();
    }

    /** amoCRM refused our refresh token: only a new connect helps. */
    private static final class RefreshRefused extends NotConnectedException {
        RefreshRefused(String reason) {
            super(reason);
        }
    }

    Optional<Instant> expiresAt() {
        if (!refreshable()) {
            return Optional.empty();
        }
        return store.find(CRM, tenant).map(TokenStore.Tokens::expiresAt);
    }

    /** needs-reauth, not-connected, or empty when usable. */
    Optional<String> problem() {
        if (!refreshable()) {
            return Optional.empty();
        }
        Optional<TokenStore.Tokens> tokens = store.find(CRM, tenant);
        if (tokens.isEmpty()) {
            return Optional.of("not-connected");
        }
        return tokens.get().needsReauth() ? Optional.of("needs-reauth") : Optional.empty();
    }

    private boolean fresh(TokenStore.Tokens tokens) {
        Instant now = clock.instant();
        boolean expiring = tokens.expiresAt() == null
                || tokens.expiresAt().minus(refreshAhead).isBefore(now);
        boolean idleTooLong = tokens.refreshedAt() != null
                && tokens.refreshedAt().plus(idleRefreshAfter).isBefore(now);
        return !expiring && !idleTooLong;
    }

    private TokenStore.Tokens connected(Optional<TokenStore.Tokens> row) {
        TokenStore.Tokens tokens = row.orElseThrow(() -> new NotConnectedException("tenant " + tenant
                + " is not connected to amoCRM yet: an administrator opens /connect/amocrm/" + tenant));
        if (tokens.needsReauth()) {
            throw new NotConnectedException(
                    "tenant " + tenant + " must be connected to amoCRM again (refresh token refused)");
        }
        return tokens;
    }

    private String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new NotConnectedException("tenant " + tenant + ": " + key + " is not set");
        }
        return value;
    }
}
