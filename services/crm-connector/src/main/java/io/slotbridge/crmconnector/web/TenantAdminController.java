package io.slotbridge.crmconnector.web;

import io.slotbridge.crmconnector.app.ConnectionHealth;
import io.slotbridge.crmconnector.app.CrmAccount;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.app.CrmApi;
import io.slotbridge.crmconnector.app.TenantValidator;
import io.slotbridge.crmconnector.app.WebhookInstaller;
import io.slotbridge.crmconnector.store.SweepStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API of docs/engineering.md: webhooks (install, list, remove), status, validation. */
@RestController
@RequestMapping("/admin/tenants/{tenant}")
public class TenantAdminController {

    private final CrmAccounts accounts;
    private final WebhookInstaller webhooks;
    private final TenantValidator validator;
    private final SweepStateStore sweeps;

    public TenantAdminController(
            CrmAccounts accounts, WebhookInstaller webhooks, TenantValidator validator, SweepStateStore sweeps) {
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.validator = validator;
        this.sweeps = sweeps;
    }

    public record WebhookView(String id, String destination, List<String> events, boolean disabled) {}

    public record InstallAnswer(boolean created, WebhookView webhook) {}

    @PostMapping("/webhooks")
    public ResponseEntity<InstallAnswer> install(@PathVariable String tenant) {
        WebhookInstaller.Installed installed = webhooks.install(tenant);
        return ResponseEntity.status(installed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new InstallAnswer(installed.created(), view(tenant, installed.webhook())));
    }

    @GetMapping("/webhooks")
    public Map<String, List<WebhookView>> list(@PathVariable String tenant) {
        return Map.of(
                "webhooks",
                webhooks.ours(tenant).stream().map(w -> view(tenant, w)).toList());
    }

    @DeleteMapping("/webhooks")
    public Map<String, Integer> remove(@PathVariable String tenant) {
        return Map.of("removed", webhooks.remove(tenant));
    }

    public record StatusView(
            String tenant,
            String crm,
            String status,
            Instant tokenExpiresAt,
            double requestsPerSecondLimit,
            long requestsLastMinute,
            long throttledLastMinute,
            long blockedLastMinute,
            String circuit,
            long availablePermits,
            Instant blockedUntil,
            Instant lastSweep) {}

    @GetMapping("/status")
    public StatusView status(@PathVariable String tenant) {
        CrmAccount account = accounts.get(tenant);
        ConnectionHealth h = account.health();
        return new StatusView(
                tenant,
                account.kind().name().toLowerCase(),
                h.status(),
                h.tokenExpiresAt(),
                h.requestsPerSecondLimit(),
                h.requestsLastMinute(),
                h.throttledLastMinute(),
                h.blockedLastMinute(),
                h.circuit(),
                h.availablePermits(),
                h.blockedUntil(),
                sweeps.lastSweptUntil(tenant).orElse(null));
    }

    @GetMapping("/validation")
    public Map<String, List<TenantValidator.Problem>> validation(@PathVariable String tenant) {
        return Map.of("problems", validator.validate(tenant));
    }

    /** The webhook secret is part of the destination URL: answers show it masked. */
    private WebhookView view(String tenant, CrmApi.Webhook webhook) {
        return new WebhookView(webhook.id(), webhooks.maskedDestination(tenant), webhook.events(), webhook.disabled());
    }
}
