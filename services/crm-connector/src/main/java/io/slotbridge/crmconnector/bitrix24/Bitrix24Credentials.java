package io.slotbridge.crmconnector.bitrix24;

import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.app.NotConnectedException;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.platform.crypto.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How calls to one portal authenticate. {@code oauth} (a local or Market application): the tokens of the connect flow,
 * stored encrypted, refreshed only when Bitrix24 answers {@code expired_token} (its docs warn against refreshing on a
 * timer) — under the token row's lock, the rotated refresh token committed before the new access token is used, so two
 * threads or instances never spend one refresh token twice; {@code invalid_grant} marks the tenant needs-reauth.
 * {@code webhook-url}: the portal's inbound webhook ({@code https://portal/rest/<user>/<code>/}), the code in the path
 * and no {@code auth} parameter. {@code static-token}: a fixed {@code auth} parameter (the sandbox, tests).
 */
final class Bitrix24Credentials {

    static final String CRM = "bitrix24";
    private static final Logger log = LoggerFactory.getLogger(Bitrix24Credentials.class);

    /** Where to send calls and the {@code auth} parameter to add (null for webhook URLs). */
    record Access(String restBase, String authParameter) {
        @Override
        public String toString() {
            return "Access[restBase=" + restBase.replaceAll("/rest/(\\d+)/[^/]+/", "/rest/$1/***/") + "]";
        }
    }

    private final String tenant;
    private final TenantSettings.Crm crm;
    private final TokenStore store;
    private final Bitrix24OAuth oauth;
    private final Clock clock;

    Bitrix24Credentials(String tenant, TenantSettings.Crm crm, TokenStore store, Bitrix24OAuth oauth, Clock clock) {
        this.tenant = tenant;
        this.crm = crm;
        this.store = store;
        this.oauth = oauth;
        this.clock = clock;
    }

    String mode() {
        return crm.auth() == null ? "oauth" : crm.auth().modeOrDefault();
    }

    /** Whether {@code event.bind} is possible: Bitrix24 allows it only in an application's context. */
    boolean canBindEvents() {
        return !mode().equals("webhook-url");
    }

    Access current() {
        switch (mode()) {
            case "webhook-url": {
                String url = required(crm.auth().webhookUrl(), "crm.auth.webhook-url");
                return new Access(url.endsWith("/") ? url : url + "/", null);
            }
            case "static-token":
                return new Access(restBase(), required(crm.auth().staticToken(), "crm.auth.static-token"));
            case "oauth":
                return new Access(restBase(), connected(store.find(CRM, tenant)).accessToken());
            default:
                throw new NotConnectedException("tenant " + tenant + ": crm.auth.mode '" + mode()
                        + "' is not supported for Bitrix24 (oauth, webhook-url, static-token)");
        }
    }

    /**
     * After {@code expired_token}: OAuth refreshes under the row lock (or takes the token another thread already
     * refreshed); a webhook URL or static token cannot be refreshed, so the administrator has to replace it.
     */
    Access refreshAfterExpiry(Access expired, CrmApiException why) {
        if (!mode().equals("oauth")) {
            throw new CrmApiException(
                    RejectionCode.FORBIDDEN,
                    why.reason() + "; the configured " + mode() + " of tenant " + tenant
                            + " has expired, an administrator has to replace it",
                    false,
                    401);
        }
        String token;
        try {
            token = store.underLock(CRM, tenant, row -> refreshUnderLock(row, expired));
        } catch (RefreshRefused refused) {
            // outside the lock's transaction, which the refusal rolled back
            store.markNeedsReauth(tenant);
            log.error("tenant {}: Bitrix24 refused our refresh token; the portal needs to be connected again", tenant);
            throw refused;
        }
        return new Access(restBase(), token);
    }

    private String refreshUnderLock(Optional<TokenStore.Tokens> row, Access expired) {
        TokenStore.Tokens tokens = connected(row);
        if (!Secrets.constantTimeEquals(tokens.accessToken(), expired.authParameter())) {
            return tokens.accessToken(); // someone else refreshed meanwhile
        }
        if (tokens.refreshToken() == null) {
            throw new NotConnectedException("tenant " + tenant + " has no Bitrix24 refresh token; connect again");
        }
        Instant now = clock.instant();
        Bitrix24OAuth.TokenPair pair;
        try {
            pair = oauth.refresh(crm, tokens.refreshToken(), now);
        } catch (NotConnectedException refused) {
            throw new RefreshRefused(refused.reason());
        }
        // committed with the lock, before anyone uses the new access token
        store.save(CRM, tenant, pair.accessToken(), pair.refreshToken(), pair.expiresAt(), now);
        log.info("tenant {}: Bitrix24 tokens refreshed, access token valid until {}", tenant, pair.expiresAt());
        return pair.accessToken();
    }

    /** The OAuth server refused our refresh token ({@code invalid_grant}): only a new connect helps. */
    private static final class RefreshRefused extends NotConnectedException {
        RefreshRefused(String reason) {
            super(reason);
        }
    }

    /** needs-reauth, not-connected, or empty when usable. */
    Optional<String> problem() {
        if (!mode().equals("oauth")) {
            return Optional.empty();
        }
        return store.find(CRM, tenant)
                .map(t -> t.needsReauth() ? Optional.of("needs-reauth") : Optional.<String>empty())
                .orElse(Optional.of("not-connected"));
    }

    Optional<Instant> expiresAt() {
        return mode().equals("oauth") ? store.find(CRM, tenant).map(TokenStore.Tokens::expiresAt) : Optional.empty();
    }

    private TokenStore.Tokens connected(Optional<TokenStore.Tokens> row) {
        TokenStore.Tokens tokens = row.orElseThrow(() -> new NotConnectedException("tenant " + tenant
                + " is not connected to Bitrix24 yet: an administrator opens /connect/bitrix24/" + tenant));
        if (tokens.needsReauth()) {
            throw new NotConnectedException(
                    "tenant " + tenant + " must be connected to Bitrix24 again (refresh token refused)");
        }
        return tokens;
    }

    private String restBase() {
        return restBaseOf(required(crm.baseUrl(), "crm.base-url"));
    }

    /** The portal's REST base ({@code https://portal/rest/}) from its {@code crm.base-url}. */
    static String restBaseOf(String baseUrl) {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "rest/";
    }

    private String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new NotConnectedException("tenant " + tenant + ": " + key + " is not set");
        }
        return value;
    }
}
