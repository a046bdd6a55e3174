package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.crm.LeadChangeNoticed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a batch of hints into as few reads as possible: hints are coalesced per lead, hints about contacts and tasks
 * are resolved to their leads, note hints also publish the note itself.
 */
@Component
public class HintHandler {

    private static final Logger log = LoggerFactory.getLogger(HintHandler.class);

    private final CrmAccounts accounts;
    private final LeadRefresher refresher;

    public HintHandler(CrmAccounts accounts, LeadRefresher refresher) {
        this.accounts = accounts;
        this.refresher = refresher;
    }

    /** Handles the hints of every tenant; a blocked account's {@link AccountBlockedException} propagates. */
    public void handle(List<LeadChangeNoticed> hints) {
        byTenant(hints).forEach(this::handleTenant);
    }

    /**
     * The tenant's hints, handled unless the CRM makes us wait: then all of them come back as the deferral (a re-read
     * is idempotent, so doing them all again later is right).
     */
    public Deferral<LeadChangeNoticed> handleOrDefer(String tenant, List<LeadChangeNoticed> hints) {
        try {
            handleTenant(tenant, hints);
            return Deferral.none();
        } catch (AccountBlockedException blocked) {
            return Deferral.of(hints, blocked);
        }
    }

    /** The hints of the tenants this crm-connector serves, by tenant in arrival order; others are logged. */
    public Map<String, List<LeadChangeNoticed>> byTenant(List<LeadChangeNoticed> hints) {
        Map<String, List<LeadChangeNoticed>> byTenant = new LinkedHashMap<>();
        for (LeadChangeNoticed hint : hints) {
            if (!accounts.serves(hint.tenant())) {
                log.warn(
                        "hint {} for tenant {} ignored: no such tenant with a CRM this build serves",
                        hint.eventId(),
                        hint.tenant());
                continue;
            }
            byTenant.computeIfAbsent(hint.tenant(), t -> new ArrayList<>()).add(hint);
        }
        return byTenant;
    }

    private void handleTenant(String tenant, List<LeadChangeNoticed> hints) {
        try {
            reread(tenant, hints);
        } catch (NotConnectedException notConnected) {
            // hints are notifications: the first sweep after connecting reads what changed meanwhile
            log.warn("tenant {}: {} hint(s) dropped: {}", tenant, hints.size(), notConnected.getMessage());
        }
    }

    private void reread(String tenant, List<LeadChangeNoticed> hints) {
        CrmAccount account = accounts.get(tenant);
        account.api(); // fail early for accounts that cannot be opened
        Set<String> leadIds = new LinkedHashSet<>();
        Set<String> deletions = new HashSet<>();
        Map<String, String> causation = new LinkedHashMap<>();
        Map<String, String> noteCausation = new LinkedHashMap<>();
        for (LeadChangeNoticed hint : hints) {
            for (String leadId : leadsOf(account, hint)) {
                leadIds.add(leadId);
                causation.put(leadId, hint.eventId());
                if (hint.isDeletion()) {
                    deletions.add(leadId);
                } else {
                    deletions.remove(leadId); // restored after the deletion in the same batch
                }
            }
            if (hint.entity().equals("note") && hint.entityId() != null) {
                noteCausation.put(hint.entityId(), hint.eventId());
            }
        }
        refresher.refresh(tenant, leadIds, deletions, causation);
        refresher.publishNotes(tenant, noteCausation.keySet(), noteCausation);
    }

    /** The gateway names an unknown lead {@code <entity>-<id>}: such hints are resolved through the entity. */
    private static List<String> leadsOf(CrmAccount account, LeadChangeNoticed hint) {
        String unresolvedPrefix = hint.entity() + "-";
        if (hint.leadId().startsWith(unresolvedPrefix) && hint.entityId() != null) {
            List<String> leads = account.api().leadIdsOf(hint.entity(), hint.entityId());
            if (leads.isEmpty()) {
                log.info(
                        "tenant {}: {} {} belongs to no lead; hint {} needs no re-read",
                        hint.tenant(),
                        hint.entity(),
                        hint.entityId(),
                        hint.eventId());
            }
            return leads;
        }
        return List.of(hint.leadId());
    }
}
