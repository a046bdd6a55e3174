package io.slotbridge.followup.web;

import io.slotbridge.followup.app.TemplateApprovals;
import io.slotbridge.followup.app.TenantValidator;
import io.slotbridge.followup.app.ValidationProblem;
import io.slotbridge.followup.client.WazzupChannel;
import io.slotbridge.followup.client.WazzupClient;
import io.slotbridge.followup.client.WazzupException;
import io.slotbridge.followup.client.WazzupTemplate;
import io.slotbridge.followup.client.WazzupWebhooks;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.TemplateSpec;
import io.slotbridge.followup.store.RunStore;
import io.slotbridge.platform.crypto.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Connect and check a tenant's Wazzup: subscribe webhooks, channel and template status, configuration problems. */
@RestController
public class WazzupAdminController {

    private static final Logger log = LoggerFactory.getLogger(WazzupAdminController.class);

    private final FollowupTenants tenants;
    private final WazzupClient wazzup;
    private final TenantValidator validator;
    private final TemplateApprovals approvals;
    private final RunStore runs;

    public WazzupAdminController(
            FollowupTenants tenants,
            WazzupClient wazzup,
            TenantValidator validator,
            TemplateApprovals approvals,
            RunStore runs) {
        this.tenants = tenants;
        this.wazzup = wazzup;
        this.validator = validator;
        this.approvals = approvals;
        this.runs = runs;
    }

    /**
     * {@code PATCH /v3/webhooks} to {@code {public-base-url}/hooks/wazzup/{tenant}/{secret}}, messages and statuses.
     * A different URI already set (e.g. by the CRM's own Wazzup integration) is only replaced with {@code force=true}.
     */
    @PostMapping("/admin/tenants/{tenant}/wazzup/webhooks")
    public Map<String, Object> subscribe(
            @PathVariable String tenant, @RequestParam(defaultValue = "false") boolean force) {
        FollowupTenant config = connected(tenant);
        if (tenants.publicBaseUrl() == null
                || config.webhookSecret() == null
                || config.webhookSecret().isBlank()) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "set slotbridge.public-base-url and slotbridge.tenants." + tenant
                            + ".messaging.wazzup.webhook-secret first");
        }
        String uri = validator.webhookUri(config);
        try {
            WazzupWebhooks current = wazzup.webhooks(config.wazzup());
            boolean other = current.webhooksUri() != null
                    && !current.webhooksUri().isBlank()
                    && !current.webhooksUri().equals(uri);
            if (other && !force) {
                throw Problems.of(
                        HttpStatus.CONFLICT,
                        "Wazzup already delivers webhooks of this API key to "
                                + current.webhooksUri() + "; replacing it may cut off the integration that uses it. "
                                + "Call again with force=true to replace it.");
            }
            wazzup.subscribeWebhooks(config.wazzup(), uri);
            log.info("Wazzup webhooks of tenant {} now go to {}", tenant, masked(config, uri));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("webhooksUri", masked(config, uri));
            answer.put("subscriptions", Map.of("messagesAndStatuses", true));
            answer.put("replaced", other ? current.webhooksUri() : null);
            return answer;
        } catch (WazzupException e) {
            throw Problems.of(
                    HttpStatus.BAD_GATEWAY,
                    "Wazzup refused the webhook subscription: " + e.getMessage()
                            + ("testPostNotPassed".equals(e.code())
                                    ? " (Wazzup's test POST did not get 200 from the gateway: is it reachable at "
                                            + tenants.publicBaseUrl() + "?)"
                                    : ""));
        }
    }

    @GetMapping("/admin/tenants/{tenant}/wazzup/status")
    public Map<String, Object> status(@PathVariable String tenant) {
        FollowupTenant config = tenant(tenant);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("tenant", tenant);
        status.put("configured", config.wazzup().isConfigured());
        RunStore.RunCounts counts = runs.counts(tenant);
        status.put("runs", Map.of("active", counts.active(), "held", counts.held()));
        if (!config.wazzup().isConfigured()) {
            return status;
        }
        try {
            Optional<WazzupChannel> channel = wazzup.channels(config.wazzup()).stream()
                    .filter(c -> config.wazzup().channelId().equals(c.channelId()))
                    .findFirst();
            status.put(
                    "channel",
                    channel.<Object>map(c -> c)
                            .orElse(Map.of("channelId", config.wazzup().channelId(), "state", "not-found")));
            WazzupWebhooks webhooks = wazzup.webhooks(config.wazzup());
            status.put(
                    "webhooks",
                    Map.of(
                            "webhooksUri",
                            webhooks.webhooksUri() == null ? "" : masked(config, webhooks.webhooksUri()),
                            "messagesAndStatuses",
                            webhooks.messagesAndStatuses(),
                            "pointsHere",
                            config.webhookSecret() != null
                                    && tenants.publicBaseUrl() != null
                                    && validator.webhookUri(config).equals(webhooks.webhooksUri())));
        } catch (WazzupException e) {
            status.put("error", e.getMessage());
        }
        status.put("templates", templates(config));
        return status;
    }

    @GetMapping("/admin/tenants/{tenant}/wazzup/validation")
    public Map<String, List<ValidationProblem>> validation(@PathVariable String tenant) {
        return Map.of("problems", validator.validate(tenant(tenant)));
    }

    private List<Map<String, Object>> templates(FollowupTenant config) {
        Optional<List<WazzupTemplate>> listed = approvals.templates(config.wazzup());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : TenantValidator.usedTemplates(config)) {
            TemplateSpec spec = config.template(name).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("templateId", spec.templateId());
            row.put("hasText", spec.hasText());
            row.put(
                    "status",
                    spec.isPlaceholder()
                            ? "placeholder"
                            : listed.flatMap(all -> all.stream()
                                            .filter(t -> t.templateGuid().equals(spec.templateId()))
                                            .findFirst())
                                    .map(WazzupTemplate::status)
                                    .orElse(listed.isPresent() ? "not-listed" : "unknown"));
            out.add(row);
        }
        return out;
    }

    private FollowupTenant tenant(String tenant) {
        return tenants.find(tenant).orElseThrow(() -> Problems.unknownTenant(tenant));
    }

    private FollowupTenant connected(String tenant) {
        FollowupTenant config = tenant(tenant);
        if (!config.wazzup().isConfigured()) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "set slotbridge.tenants." + tenant + ".messaging.wazzup (base-url, api-key, channel-id) first");
        }
        return config;
    }

    /** The webhook URI carries the tenant's secret: never show more than its first characters. */
    private static String masked(FollowupTenant config, String uri) {
        String secret = config.webhookSecret();
        return secret == null || secret.isEmpty() ? uri : uri.replace(secret, Secrets.mask(secret));
    }
}
