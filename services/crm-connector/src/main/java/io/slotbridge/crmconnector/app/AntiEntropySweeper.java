package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.store.SweepStateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code sweep.interval} per tenant: reads the leads modified since the last sweep (minus an overlap) page by
 * page and pushes them through the same snapshot pipeline as hints, so a lost webhook delays a change but never loses
 * it. Unchanged leads publish nothing (fingerprints). The claim is atomic in PostgreSQL, so one instance sweeps a
 * tenant at a time.
 */
@Component
public class AntiEntropySweeper {

    private static final Logger log = LoggerFactory.getLogger(AntiEntropySweeper.class);

    private final CrmAccounts accounts;
    private final LeadRefresher refresher;
    private final SweepStateStore sweeps;
    private final CrmConnectorProperties properties;
    private final Clock clock;

    public AntiEntropySweeper(
            CrmAccounts accounts,
            LeadRefresher refresher,
            SweepStateStore sweeps,
            CrmConnectorProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.refresher = refresher;
        this.sweeps = sweeps;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${slotbridge.crm-connector.sweep.tick:PT30S}",
            initialDelayString = "${slotbridge.crm-connector.sweep.initial-delay:PT20S}")
    public void sweepDueTenants() {
        if (!properties.sweep().enabled()) {
            return;
        }
        for (String tenant : accounts.servedTenants()) {
            try {
                sweepIfDue(tenant);
            } catch (AccountBlockedException | NotConnectedException skipped) {
                log.info("tenant {}: sweep skipped: {}", tenant, skipped.getMessage());
            } catch (RuntimeException e) {
                log.warn("tenant {}: sweep failed, it runs again at the next interval: {}", tenant, e.toString());
            }
        }
    }

    /** Sweeps the tenant if its interval has passed; returns how many changed snapshots it published, or -1. */
    public int sweepIfDue(String tenant) {
        Instant started = clock.instant();
        Optional<SweepStateStore.Claim> claim =
                sweeps.claimIfDue(tenant, started, properties.sweep().interval());
        if (claim.isEmpty()) {
            return -1;
        }
        Instant since = claim.get().sweptUntil() == null
                ? started.minus(properties.sweep().initialLookback())
                : claim.get().sweptUntil().minus(properties.sweep().overlap());
        String causation = "sweep:" + tenant + ":" + started.getEpochSecond();
        AtomicInteger read = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        accounts.get(tenant).api().leadsUpdatedSince(since, page -> {
            read.addAndGet(page.size());
            changed.addAndGet(refresher.publishLeads(tenant, page, leadId -> causation));
        });
        sweeps.completed(tenant, started, read.get());
        log.info("tenant {}: sweep since {} read {} lead(s), {} changed", tenant, since, read.get(), changed.get());
        return changed.get();
    }
}
