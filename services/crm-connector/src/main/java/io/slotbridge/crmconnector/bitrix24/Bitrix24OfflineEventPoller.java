package io.slotbridge.crmconnector.bitrix24;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.crmconnector.app.AccountBlockedException;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.app.DeferredQueue;
import io.slotbridge.crmconnector.app.NotConnectedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The loss-free path for Bitrix24 (which never sends a failed online event again): every {@code interval}, each
 * OAuth tenant's offline queue is read in safe mode and each item goes through the same hint handling as the online
 * event (coalesced re-read; an unchanged lead publishes nothing, so an event that also came online causes no
 * duplicate). A packet is cleared only once its leads were read back, or are safely waiting in the deferred store
 * because the portal does not take the re-read yet (a parked method, a blocked portal): they are read there as soon as
 * it does, in lead order with the online hints, instead of the whole packet coming back every interval. When the
 * handling fails otherwise, the packet goes back to Bitrix24 as errors, and those are tried again once per interval.
 * Calls go through the portal's guard like all others.
 */
@Component
public class Bitrix24OfflineEventPoller {

    private static final Logger log = LoggerFactory.getLogger(Bitrix24OfflineEventPoller.class);
    static final int PACKET = 50;

    private final CrmAccounts accounts;
    private final DeferredQueue<LeadChangeNoticed> hints;
    private final MeterRegistry meters;
    private final boolean enabled;
    /** Packets reserved but neither cleared nor handed back (the portal failed meanwhile): re-selected first. */
    private final Map<String, String> unfinished = new ConcurrentHashMap<>();

    public Bitrix24OfflineEventPoller(
            CrmAccounts accounts,
            DeferredQueue<LeadChangeNoticed> deferredHints,
            MeterRegistry meters,
            @Value("${slotbridge.crm-connector.bitrix24.offline-events.enabled:true}") boolean enabled) {
        this.accounts = accounts;
        this.hints = deferredHints;
        this.meters = meters;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelayString = "${slotbridge.crm-connector.bitrix24.offline-events.interval:PT60S}",
            initialDelayString = "${slotbridge.crm-connector.bitrix24.offline-events.initial-delay:PT60S}")
    public void pollAll() {
        if (!enabled) {
            return;
        }
        for (String tenant : accounts.servedTenants()) {
            try {
                poll(tenant);
            } catch (AccountBlockedException | NotConnectedException skipped) {
                log.info("tenant {}: offline events not read now: {}", tenant, skipped.getMessage());
            } catch (RuntimeException e) {
                log.warn(
                        "tenant {}: reading offline events failed, next try in one interval: {}", tenant, e.toString());
            }
        }
    }

    /** Reads the tenant's queue until it is empty, then one packet of earlier errors; returns the items handled. */
    public int poll(String tenant) {
        Optional<Bitrix24OfflineEvents> queue = queueOf(tenant);
        if (queue.isEmpty()) {
            return 0;
        }
        int handled = 0;
        String resume = unfinished.remove(tenant);
        if (resume != null) {
            handled += handle(tenant, queue.get(), queue.get().reserve(PACKET, false, resume));
        }
        while (true) {
            int packet = handle(tenant, queue.get(), queue.get().reserve(PACKET, false, null));
            handled += packet;
            if (packet < PACKET) {
                break;
            }
        }
        return handled + handle(tenant, queue.get(), queue.get().reserve(PACKET, true, null));
    }

    private int handle(String tenant, Bitrix24OfflineEvents queue, Bitrix24OfflineEvents.Packet packet) {
        if (packet.events().isEmpty()) {
            return 0;
        }
        List<LeadChangeNoticed> leadHints = packet.events().stream()
                .map(queue::hint)
                .flatMap(Optional::stream)
                .toList();
        try {
            if (!leadHints.isEmpty()) {
                hints.accept(tenant, leadHints);
            }
        } catch (RuntimeException e) {
            giveBack(tenant, queue, packet, e);
            throw e;
        }
        unfinished.put(tenant, packet.processId());
        queue.clear(packet.processId(), packet.messageIds());
        unfinished.remove(tenant);
        meters.counter("slotbridge.crm.bitrix24.offline.events", "tenant", tenant, "outcome", "handled")
                .increment(packet.events().size());
        log.info(
                "tenant {}: {} offline event(s) read back and cleared ({} lead hint(s))",
                tenant,
                packet.events().size(),
                leadHints.size());
        return packet.events().size();
    }

    private void giveBack(
            String tenant, Bitrix24OfflineEvents queue, Bitrix24OfflineEvents.Packet packet, RuntimeException why) {
        meters.counter("slotbridge.crm.bitrix24.offline.events", "tenant", tenant, "outcome", "failed")
                .increment(packet.events().size());
        try {
            queue.markFailed(packet.processId(), packet.messageIds());
            log.warn(
                    "tenant {}: {} offline event(s) not handled, handed back to Bitrix24 as errors: {}",
                    tenant,
                    packet.events().size(),
                    why.getMessage());
        } catch (RuntimeException markFailed) {
            unfinished.put(tenant, packet.processId());
            log.warn(
                    "tenant {}: {} offline event(s) not handled ({}); they stay reserved and are read again next time",
                    tenant,
                    packet.events().size(),
                    why.getMessage());
        }
    }

    private Optional<Bitrix24OfflineEvents> queueOf(String tenant) {
        if (!accounts.serves(tenant) || !(accounts.get(tenant).api() instanceof Bitrix24Client client)) {
            return Optional.empty();
        }
        return client.offlineEvents();
    }
}
