package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.app.AccountBlockedException;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.app.OAuthConnect;
import io.slotbridge.crmconnector.app.OAuthConnect.InstallRefused;
import io.slotbridge.crmconnector.app.WebhookInstaller;
import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.http.JsonHttp;
import io.slotbridge.crmconnector.store.InstallationStore;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.platform.crypto.Secrets;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Bitrix24 application installed on a tenant's portal connects it: the portal posts {@code ONAPPINSTALL} with the
 * application's tokens to the install handler. The post is not signed, so it is believed only when it names the
 * tenant's configured portal (domain and client endpoint), its {@code member_id} matches {@code crm.member-id} when
 * one is configured, and the configured portal — never a URL from the post — answers {@code app.info} to its access
 * token. Then, in one transaction, the tokens and the application token are stored encrypted and the installation is
 * appended to the outbox for the gateway; afterwards the event handlers are bound again (Bitrix24 deletes them when
 * an application is reinstalled or updated), and {@code ONAPPUNINSTALL} to {@link Bitrix24AppUninstall}'s endpoint.
 */
@Component
public class Bitrix24AppInstall implements OAuthConnect.AppInstall {

    private static final Logger log = LoggerFactory.getLogger(Bitrix24AppInstall.class);
    private static final String CALLBACK = "/callback";

    private final TokenStore tokens;
    private final InstallationStore installations;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final WebhookInstaller handlers;
    private final CrmAccounts accounts;
    private final Bitrix24AppInfo appInfo;
    private final Clock clock;

    public Bitrix24AppInstall(
            TokenStore tokens,
            InstallationStore installations,
            OutboxWriter outbox,
            TransactionTemplate tx,
            WebhookInstaller handlers,
            CrmAccounts accounts,
            CrmConnectorProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.installations = installations;
        this.outbox = outbox;
        this.tx = tx;
        this.handlers = handlers;
        this.accounts = accounts;
        this.appInfo = new Bitrix24AppInfo(
                new JsonHttp(
                        properties.http().connectTimeout(), properties.http().readTimeout()),
                new ObjectMapper());
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Bitrix24Adapter.KIND;
    }

    @Override
    public OAuthConnect.Installed install(String tenant, TenantSettings settings, Map<String, String> form) {
        TenantSettings.Crm crm = settings.crm();
        String mode = crm.auth() == null ? "oauth" : crm.auth().modeOrDefault();
        if (!mode.equals("oauth")) {
            throw new InstallRefused(
                    409,
                    "tenant " + tenant + " calls Bitrix24 with crm.auth.mode " + mode
                            + "; an application install connects oauth tenants only");
        }
        Bitrix24InstallEvent event = Bitrix24InstallEvent.parse(form);
        String restBase = restBase(crm.baseUrl());
        if (!samePortal(restBase, event)) {
            throw new InstallRefused(
                    403,
                    "the install event names portal " + printable(event.domain()) + " ("
                            + printable(event.clientEndpoint()) + "), not the tenant's crm.base-url");
        }
        String configuredMember = crm.memberId();
        if (configuredMember != null
                && !configuredMember.isBlank()
                && !Secrets.constantTimeEquals(configuredMember, event.memberId())) {
            throw new InstallRefused(403, "auth[member_id] is not the tenant's crm.member-id");
        }
        Bitrix24AppInfo.Answer answer = checkWithinBudget(tenant, restBase, event.accessToken());
        switch (answer.verdict()) {
            case REFUSED ->
                throw new InstallRefused(
                        401, "the portal refused the install event's access token on app.info: " + answer.detail());
            case UNREACHABLE ->
                throw new InstallRefused(
                        503,
                        "could not verify the install event, app.info failed: " + answer.detail()
                                + "; reinstall the application when the portal answers again");
            case GENUINE -> {
                if (!answer.installed()) {
                    log.warn(
                            "tenant {}: app.info says the application's installation is not finished; Bitrix24"
                                    + " delivers no events until it is",
                            tenant);
                }
            }
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plusSeconds(event.expiresInSeconds());
        tx.executeWithoutResult(status -> {
            tokens.save(Bitrix24Credentials.CRM, tenant, event.accessToken(), event.refreshToken(), expiresAt, now);
            installations.save(
                    tenant,
                    new InstallationStore.Installation(
                            event.memberId(), event.domain(), event.applicationToken(), now));
            outbox.append(
                    Topics.CRM_INSTALLATIONS,
                    new CrmAppInstalled(
                            MessageIds.deterministic(tenant, "bitrix24-install", event.memberId(), now.toString()),
                            tenant,
                            now,
                            CrmKind.BITRIX24,
                            event.memberId(),
                            event.domain(),
                            CrmAppInstalled.digestOf(event.applicationToken())));
        });
        log.info(
                "tenant {}: Bitrix24 application (version {}) installed on portal {} (member {}), {}; access token"
                        + " valid until {}",
                tenant,
                event.version(),
                event.domain(),
                event.memberId(),
                answer.detail(),
                expiresAt);
        String handlersProblem = bindHandlers(tenant);
        bindUninstallHandler(tenant, crm.auth());
        return new OAuthConnect.Installed(event.memberId(), expiresAt, handlersProblem);
    }

    /**
     * {@code app.info} takes a request from the portal's bucket like every other call, and is not made while the
     * portal blocks us: that is "try again", not a refusal.
     */
    private Bitrix24AppInfo.Answer checkWithinBudget(String tenant, String restBase, String accessToken) {
        Supplier<Bitrix24AppInfo.Answer> check = () -> appInfo.check(restBase, accessToken);
        if (!(accounts.get(tenant) instanceof Bitrix24Account account)) {
            return check.get();
        }
        try {
            return account.withinRequestBudget(check);
        } catch (AccountBlockedException blocked) {
            return new Bitrix24AppInfo.Answer(Bitrix24AppInfo.Verdict.UNREACHABLE, blocked.getMessage(), false);
        }
    }

    /**
     * Bitrix24 tells an application of its removal only through an {@code ONAPPUNINSTALL} handler the application
     * bound itself: ours is the uninstall endpoint beside the OAuth redirect URI ({@code …/callback} →
     * {@code …/uninstall}). Without it the uninstall goes unnoticed, which costs the tenant nothing but stale tokens:
     * a failure is logged, never fails the install.
     */
    private void bindUninstallHandler(String tenant, TenantSettings.Auth auth) {
        String redirect = auth == null ? null : auth.redirectUri();
        if (redirect == null || !redirect.endsWith(CALLBACK)) {
            log.warn(
                    "tenant {}: crm.auth.redirect-uri does not end with {}, so the uninstall handler's URL is unknown;"
                            + " bind {} to /connect/bitrix24/{}/uninstall by hand to have an uninstall noticed",
                    tenant,
                    CALLBACK,
                    Bitrix24AppUninstall.EVENT,
                    tenant);
            return;
        }
        String handler = redirect.substring(0, redirect.length() - CALLBACK.length()) + "/uninstall";
        try {
            accounts.get(tenant).api().installWebhook(handler, List.of(Bitrix24AppUninstall.EVENT));
            log.info("tenant {}: {} bound to {}", tenant, Bitrix24AppUninstall.EVENT, handler);
        } catch (RuntimeException e) {
            log.warn(
                    "tenant {}: binding {} to {} failed ({}); an uninstall will go unnoticed",
                    tenant,
                    Bitrix24AppUninstall.EVENT,
                    handler,
                    e.getMessage());
        }
    }

    /** The install stands even when binding fails: the administrator can bind again from the admin API. */
    private String bindHandlers(String tenant) {
        try {
            WebhookInstaller.Installed bound = handlers.install(tenant);
            log.info("tenant {}: Bitrix24 event handlers {}", tenant, bound.created() ? "bound" : "already bound");
            return null;
        } catch (RuntimeException e) {
            log.error(
                    "tenant {}: installed, but binding the Bitrix24 event handlers failed ({}); POST"
                            + " /admin/tenants/{}/webhooks binds them",
                    tenant,
                    e.getMessage(),
                    tenant);
            return e.getMessage();
        }
    }

    /** Both the domain and the client endpoint must be the configured portal's. */
    static boolean samePortal(String restBase, Bitrix24InstallEvent event) {
        String host = URI.create(restBase).getRawAuthority();
        return host != null
                && host.equalsIgnoreCase(event.domain().strip())
                && normalised(restBase).equals(normalised(event.clientEndpoint()));
    }

    /** Values from the unsigned post go into answers and logs: no control characters, bounded length. */
    static String printable(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }

    private static String restBase(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("crm.base-url is not set");
        }
        return Bitrix24Credentials.restBaseOf(baseUrl);
    }

    private static String normalised(String url) {
        String trimmed = url.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }
}
