package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.crmconnector.store.SweepStateStore;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Periodic {@code ops.status-reports.v1} per tenant (token expiry, budget, requests/429/403 in the last minute,
 * circuit, commands and hints waiting), an immediate one with status {@code blocked} when an account's circuit opens,
 * and the proactive token refresh of OAuth accounts.
 */
@Component
public class OpsReporter {

    private static final Logger log = LoggerFactory.getLogger(OpsReporter.class);
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final CrmAccounts accounts;
    private final EnvelopePublisher publisher;
    private final SweepStateStore sweeps;
    private final List<DeferredQueue<?>> deferred;
    private final Clock clock;

    public OpsReporter(
            CrmAccounts accounts,
            EnvelopePublisher publisher,
            SweepStateStore sweeps,
            List<DeferredQueue<?>> deferred,
            Clock clock) {
        this.accounts = accounts;
        this.publisher = publisher;
        this.sweeps = sweeps;
        this.deferred = deferred;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${slotbridge.crm-connector.report-interval:PT1M}",
            initialDelayString = "${slotbridge.crm-connector.report-interval:PT1M}")
    public void tick() {
        for (String tenant : accounts.servedTenants()) {
            try {
                accounts.get(tenant).refreshCredentialsIfDue();
            } catch (RuntimeException e) {
                log.warn("tenant {}: proactive token refresh failed: {}", tenant, e.getMessage());
            }
            report(tenant, null);
        }
    }

    @EventListener
    public void on(AccountBlocked blocked) {
        report(blocked.tenant(), "the CRM blocked the account (HTTP 403); calls pause until the circuit closes");
    }

    public ConnectionStatusReported report(String tenant, String detail) {
        CrmAccount account = accounts.get(tenant);
        ConnectionHealth health = account.health();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("circuit", health.circuit());
        details.put("availablePermits", String.valueOf(health.availablePermits()));
        if (health.blockedUntil() != null) {
            details.put("blockedUntil", health.blockedUntil().toString());
        }
        sweeps.lastSweptUntil(tenant).ifPresent(t -> details.put("lastSweep", t.toString()));
        // the tenant's backlog behind a block or a parked method, as the console's connections page shows it
        for (DeferredQueue<?> queue : deferred) {
            String kind = queue.kind();
            details.put(
                    "waiting" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "s",
                    String.valueOf(queue.waiting(tenant)));
        }
        ConnectionStatusReported report = new ConnectionStatusReported(
                MessageIds.random(),
                tenant,
                clock.instant(),
                Topics.CRM_CONNECTOR,
                INSTANCE,
                account.kind().name().toLowerCase(),
                health.status(),
                health.tokenExpiresAt(),
                null,
                health.requestsPerSecondLimit(),
                health.requestsLastMinute(),
                health.throttledLastMinute(),
                health.blockedLastMinute(),
                detail,
                details);
        publisher.publish(Topics.OPS_REPORTS, report).whenComplete((r, e) -> {
            if (e != null) {
                log.warn("tenant {}: ops status report not published: {}", tenant, e.toString());
            }
        });
        return report;
    }
}
