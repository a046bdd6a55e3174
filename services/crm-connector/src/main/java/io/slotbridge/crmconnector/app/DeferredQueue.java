package io.slotbridge.crmconnector.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.config.UnknownTenantException;
import io.slotbridge.crmconnector.domain.WaitingLine;
import io.slotbridge.crmconnector.store.DeferredStore;
import io.slotbridge.crmconnector.store.DeferredStore.Deferred;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work (commands or hints) that the CRM may not take right now, without holding up the Kafka consumer: a tenant's new
 * items are done at once unless their lead already has items waiting (then they queue behind them, so a lead's work
 * keeps its order); what the CRM refuses for now (a blocked account, a parked Bitrix24 method) goes to the
 * {@link DeferredStore} and is done by {@link #runDue()} once due. Other tenants, and other leads, keep flowing.
 * Nothing is dropped: an item leaves the store only when it was done, or, when it can no longer be read, once it is
 * on its topic's dead-letter topic.
 */
public class DeferredQueue<T extends Envelope> {

    private static final Logger log = LoggerFactory.getLogger(DeferredQueue.class);

    /** Does a tenant's items; what the CRM does not take yet comes back as the deferral. */
    @FunctionalInterface
    public interface Work<T> {
        Deferral<T> run(String tenant, List<T> items);
    }

    private final DeferredStore<T> store;
    private final Work<T> work;
    private final DeadLetters deadLetters;
    private final CrmConnectorProperties.Deferred settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicLong waiting = new AtomicLong();

    public DeferredQueue(
            DeferredStore<T> store,
            Work<T> work,
            DeadLetters deadLetters,
            CrmConnectorProperties.Deferred settings,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.work = work;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("slotbridge.crm.deferred.waiting", waiting, AtomicLong::get)
                .description("Items waiting until the CRM takes them (blocked account, parked method, lead order)")
                .tag("kind", store.kind())
                .register(meters);
    }

    /** A tenant's new items, in arrival order. */
    public void accept(String tenant, List<T> items) {
        Set<String> waitingLeads = store.leadsWaiting(
                tenant, items.stream().map(store::leadOf).distinct().toList());
        List<T> now = new ArrayList<>();
        List<T> behind = new ArrayList<>();
        for (T item : items) {
            (waitingLeads.contains(store.leadOf(item)) ? behind : now).add(item);
        }
        if (!behind.isEmpty()) {
            defer(tenant, behind, clock.instant(), "behind earlier work of the same lead");
        }
        if (!now.isEmpty()) {
            Deferral<T> deferral = work.run(tenant, now);
            if (!deferral.done()) {
                defer(tenant, deferral.waiting(), deferral.retryAt(), deferral.reason());
            }
        }
    }

    /** What waits here: {@code command} or {@code hint}. */
    public String kind() {
        return store.kind();
    }

    /** How many items the tenant has waiting. */
    public long waiting(String tenant) {
        return store.count(tenant);
    }

    /** Which of these leads of the tenant have work waiting. */
    public Set<String> leadsWaiting(String tenant, Collection<String> leadIds) {
        return store.leadsWaiting(tenant, leadIds);
    }

    /** Does the due items of every tenant no other instance is working on. */
    public void runDue() {
        for (String tenant : store.tenantsDue(clock.instant())) {
            runDue(tenant);
        }
        waiting.set(store.count());
    }

    /** Does the tenant's due items; returns how many were done. */
    public int runDue(String tenant) {
        Instant now = clock.instant();
        Optional<DeferredStore.Claimed<T>> claimed =
                store.claim(tenant, now, settings.claimLease(), settings.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        try {
            deadLetter(tenant, claimed.get().unreadable());
            List<Deferred<T>> runnable = WaitingLine.runnable(
                    claimed.get().items(), Deferred::leadId, d -> !d.notBefore().isAfter(now));
            return runnable.isEmpty() ? 0 : run(tenant, runnable);
        } finally {
            store.release(tenant);
        }
    }

    private int run(String tenant, List<Deferred<T>> runnable) {
        List<T> items = runnable.stream().map(Deferred::item).toList();
        Deferral<T> deferral;
        try {
            deferral = work.run(tenant, items);
        } catch (UnknownTenantException gone) {
            // the tenant left the tenants file while its work waited: as for fresh commands, to the dead letters
            for (Deferred<T> item : runnable) {
                spill(
                        tenant,
                        item.id(),
                        item.item().kafkaKey(),
                        ContractJson.toJson(item.item()),
                        "names tenant '" + tenant + "', which this crm-connector no longer serves");
            }
            return 0;
        } catch (RuntimeException e) {
            Instant retryAt = clock.instant().plus(settings.retryAfter());
            log.warn(
                    "tenant {}: {} deferred {}(s) failed ({}); they wait until {}",
                    tenant,
                    runnable.size(),
                    store.kind(),
                    e.toString(),
                    retryAt);
            store.postpone(ids(runnable), retryAt, "failed: " + e);
            return 0;
        }
        Set<String> again = deferral.waiting().stream().map(Envelope::recordId).collect(Collectors.toSet());
        Map<Boolean, List<Deferred<T>>> waitsAgain = runnable.stream()
                .collect(Collectors.partitioningBy(d -> again.contains(d.item().recordId())));
        List<Deferred<T>> done = waitsAgain.get(false);
        List<Deferred<T>> stillWaiting = waitsAgain.get(true);
        store.done(ids(done));
        if (!stillWaiting.isEmpty()) {
            store.postpone(ids(stillWaiting), deferral.retryAt(), deferral.reason());
            log.info(
                    "tenant {}: {} deferred {}(s) wait again until {}: {}",
                    tenant,
                    stillWaiting.size(),
                    store.kind(),
                    deferral.retryAt(),
                    deferral.reason());
        }
        if (!done.isEmpty()) {
            log.info("tenant {}: {} deferred {}(s) done", tenant, done.size(), store.kind());
        }
        return done.size();
    }

    /** Unreadable items would wait for ever: their raw payload goes to the dead letters, then out of the store. */
    private void deadLetter(String tenant, List<DeferredStore.Unreadable> unreadable) {
        for (DeferredStore.Unreadable item : unreadable) {
            spill(tenant, item.id(), item.recordKey(), item.payload(), "can no longer be read: " + item.problem());
        }
    }

    private void spill(String tenant, long id, String key, String payload, String problem) {
        String reason = "deferred " + store.kind() + " " + problem;
        deadLetters.send(store.deadLetterTopic(), key, payload.getBytes(StandardCharsets.UTF_8), reason);
        store.done(List.of(id));
        meters.counter("slotbridge.crm.deferred.dead-lettered", "kind", store.kind(), "tenant", tenant)
                .increment();
        log.error("tenant {}: {}; sent to {}", tenant, reason, store.deadLetterTopic());
    }

    private void defer(String tenant, List<T> items, Instant notBefore, String reason) {
        store.defer(items, notBefore, reason, clock.instant());
        meters.counter("slotbridge.crm.deferred", "kind", store.kind(), "tenant", tenant)
                .increment(items.size());
        log.warn("tenant {}: {} {}(s) wait until {}: {}", tenant, items.size(), store.kind(), notBefore, reason);
    }

    private static <T> List<Long> ids(List<Deferred<T>> deferred) {
        return deferred.stream().map(Deferred::id).toList();
    }
}
