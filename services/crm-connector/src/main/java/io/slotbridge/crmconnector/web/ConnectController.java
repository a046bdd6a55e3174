package io.slotbridge.crmconnector.web;

import io.slotbridge.crmconnector.app.OAuthConnect;
import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.config.TenantDirectory;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.config.UnknownTenantException;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.platform.admin.AdminAccess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The OAuth authorization-code flow of every CRM that has one ({@link OAuthConnect}: amoCRM, Bitrix24 applications). The console hands the administrator a link with a signed, short-lived ticket;
 * we answer with a redirect to the CRM's consent page carrying a random single-use {@code state}; the CRM sends the
 * browser back to the callback, where the state is consumed and the code exchanged for tokens that are stored
 * encrypted. A CRM that announces an application install itself ({@link OAuthConnect.AppInstall}: Bitrix24's
 * {@code ONAPPINSTALL}) posts it to {@code /connect/<crm>/<tenant>/install}, the application's handler URL, and its
 * removal ({@link OAuthConnect.AppUninstall}: {@code ONAPPUNINSTALL}) to {@code /connect/<crm>/<tenant>/uninstall}.
 */
@RestController
public class ConnectController {

    private static final Logger log = LoggerFactory.getLogger(ConnectController.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Ticket purpose prefix: {@code connect-amocrm}, {@code connect-bitrix24}. */
    static final String PURPOSE = "connect-";

    private final ObjectProvider<AdminAccess> access;
    private final TenantDirectory tenants;
    private final Map<String, OAuthConnect> connectors;
    private final Map<String, OAuthConnect.AppInstall> installs;
    private final Map<String, OAuthConnect.AppUninstall> uninstalls;
    private final TokenStore store;
    private final CrmConnectorProperties properties;
    private final Clock clock;

    public ConnectController(
            ObjectProvider<AdminAccess> access,
            TenantDirectory tenants,
            List<OAuthConnect> connectors,
            List<OAuthConnect.AppInstall> installs,
            List<OAuthConnect.AppUninstall> uninstalls,
            TokenStore store,
            CrmConnectorProperties properties,
            Clock clock) {
        this.access = access;
        this.tenants = tenants;
        this.connectors = connectors.stream().collect(Collectors.toMap(OAuthConnect::kind, Function.identity()));
        this.installs = installs.stream().collect(Collectors.toMap(OAuthConnect.AppInstall::kind, Function.identity()));
        this.uninstalls =
                uninstalls.stream().collect(Collectors.toMap(OAuthConnect.AppUninstall::kind, Function.identity()));
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/connect/{crm}/{tenant}")
    public ResponseEntity<?> start(
            @PathVariable String crm, @PathVariable String tenant, @RequestParam(required = false) String ticket) {
        OAuthConnect connector = connector(crm);
        if (!access.getObject().verifyTicket(PURPOSE + crm, tenant, ticket)) {
            return problem(
                    HttpStatus.UNAUTHORIZED,
                    "Invalid connect link",
                    "the link's ticket is missing, wrong or expired; ask the console for a new one");
        }
        TenantSettings settings = tenantOf(crm, tenant);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        store.saveState(hash(state), tenant, crm, clock.instant().plus(properties.connectStateTtl()));
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(connector.authorizeUrl(settings, state)))
                .build();
    }

    @GetMapping("/connect/{crm}/{tenant}/callback")
    public ResponseEntity<?> callback(
            @PathVariable String crm,
            @PathVariable String tenant,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error) {
        OAuthConnect connector = connector(crm);
        TenantSettings settings = tenantOf(crm, tenant);
        if (state == null || !store.consumeState(hash(state), tenant, crm, clock.instant())) {
            return problem(
                    HttpStatus.BAD_REQUEST, "Unknown or expired state", "start again from the console's connect link");
        }
        if (error != null || code == null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Access not granted",
                    connector.displayName() + " returned no authorization code (" + (error == null ? "none" : error)
                            + ")");
        }
        Instant expiresAt = connector.completeConnect(tenant, settings, code);
        log.info("tenant {}: {} connected, access token valid until {}", tenant, connector.displayName(), expiresAt);
        String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Slotbridge</title></head><body>"
                + "<h1>" + connector.displayName() + " connected</h1><p>Tenant <b>" + HtmlUtils.htmlEscape(tenant)
                + "</b> is connected. "
                + "Next: install the webhooks (console, or POST /admin/tenants/" + HtmlUtils.htmlEscape(tenant)
                + "/webhooks).</p></body></html>";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }

    /**
     * The application install event the CRM posts (form-urlencoded). Unsigned, so the handler verifies it against
     * the tenant's configured account before anything is stored; a refusal is logged with its reason.
     */
    @PostMapping(path = "/connect/{crm}/{tenant}/install", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<?> install(
            @PathVariable String crm, @PathVariable String tenant, @RequestParam MultiValueMap<String, String> form) {
        OAuthConnect.AppInstall install = installs.get(crm);
        if (install == null) {
            throw new UnknownTenantException(crm);
        }
        TenantSettings settings = tenantOf(crm, tenant);
        OAuthConnect.Installed installed;
        try {
            installed = install.install(tenant, settings, form.toSingleValueMap());
        } catch (OAuthConnect.InstallRefused refused) {
            return refused(tenant, crm, "Install", refused);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", tenant);
        answer.put("memberId", installed.memberId());
        answer.put("tokenExpiresAt", installed.tokenExpiresAt().toString());
        answer.put(
                "handlers", installed.handlersProblem() == null ? "bound" : "failed: " + installed.handlersProblem());
        return ResponseEntity.ok(answer);
    }

    /**
     * The application uninstall event the CRM posts (form-urlencoded), to the handler bound at install. Unsigned: it
     * is believed only when it names the stored installation; a refusal is logged with its reason.
     */
    @PostMapping(path = "/connect/{crm}/{tenant}/uninstall", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<?> uninstall(
            @PathVariable String crm, @PathVariable String tenant, @RequestParam MultiValueMap<String, String> form) {
        OAuthConnect.AppUninstall uninstall = uninstalls.get(crm);
        if (uninstall == null) {
            throw new UnknownTenantException(crm);
        }
        tenantOf(crm, tenant);
        String memberId;
        try {
            memberId = uninstall.uninstall(tenant, form.toSingleValueMap());
        } catch (OAuthConnect.InstallRefused refused) {
            return refused(tenant, crm, "Uninstall", refused);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", tenant);
        answer.put("memberId", memberId);
        answer.put("status", "uninstalled");
        return ResponseEntity.ok(answer);
    }

    /** A refused application event: logged with its reason and answered problem+json. */
    private ResponseEntity<ProblemDetail> refused(
            String tenant, String crm, String event, OAuthConnect.InstallRefused refused) {
        log.warn(
                "tenant {}: {} {} event refused ({}): {}",
                tenant,
                crm,
                event.toLowerCase(Locale.ROOT),
                refused.status(),
                refused.getMessage());
        return problem(HttpStatus.valueOf(refused.status()), event + " event refused", refused.getMessage());
    }

    private OAuthConnect connector(String crm) {
        OAuthConnect connector = connectors.get(crm);
        if (connector == null) {
            throw new UnknownTenantException(crm);
        }
        return connector;
    }

    private TenantSettings tenantOf(String crm, String tenant) {
        TenantSettings settings = tenants.get(tenant);
        if (settings.crm() == null || !crm.equals(settings.crm().kind())) {
            throw new UnknownTenantException(tenant);
        }
        return settings;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String hash(String state) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
