package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.crmconnector.domain.CrmContact;
import io.slotbridge.crmconnector.domain.CrmLead;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.CrmNote;
import io.slotbridge.crmconnector.domain.FieldCodec;
import io.slotbridge.crmconnector.domain.LeadNormaliser;
import io.slotbridge.crmconnector.store.LeadStateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-reads leads in batches (leads with their contacts' ids, then the main contacts), names every id and hands each
 * snapshot to the {@link SnapshotPublisher}. Hints and the anti-entropy sweep both end here.
 */
@Component
public class LeadRefresher {

    private static final Logger log = LoggerFactory.getLogger(LeadRefresher.class);

    private final CrmAccounts accounts;
    private final MetadataCache metadata;
    private final SnapshotPublisher publisher;
    private final LeadStateStore states;
    private final TransactionTemplate tx;
    private final Clock clock;

    public LeadRefresher(
            CrmAccounts accounts,
            MetadataCache metadata,
            SnapshotPublisher publisher,
            LeadStateStore states,
            TransactionTemplate tx,
            Clock clock) {
        this.accounts = accounts;
        this.metadata = metadata;
        this.publisher = publisher;
        this.states = states;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Re-reads {@code leadIds}. A lead the CRM no longer returns becomes LeadDeleted when a hint said it was deleted or
     * we had published it before.
     *
     * @param causation hint id per lead id (the latest hint that named it)
     */
    public void refresh(
            String tenant, Collection<String> leadIds, Set<String> deletionHinted, Map<String, String> causation) {
        if (leadIds.isEmpty()) {
            return;
        }
        CrmAccount account = accounts.get(tenant);
        List<CrmLead> leads = account.api().leadsByIds(new LinkedHashSet<>(leadIds));
        publishLeads(tenant, leads, causation::get);
        Set<String> found = leads.stream().map(CrmLead::id).collect(Collectors.toSet());
        for (String leadId : new LinkedHashSet<>(leadIds)) {
            if (found.contains(leadId)) {
                continue;
            }
            if (deletionHinted.contains(leadId) || wasPublished(tenant, leadId)) {
                publisher.publishDeleted(tenant, leadId, account.kind(), causation.get(leadId));
            } else {
                log.info("tenant {}: lead {} named by a hint does not exist (or is not visible to us)", tenant, leadId);
            }
        }
    }

    /** Publishes leads already read (a sweep page): only their main contacts are fetched. */
    public int publishLeads(String tenant, List<CrmLead> leads, Function<String, String> causationOfLead) {
        if (leads.isEmpty()) {
            return 0;
        }
        CrmAccount account = accounts.get(tenant);
        List<String> contactIds = leads.stream()
                .map(CrmLead::mainContactId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, CrmContact> contacts = contactIds.isEmpty()
                ? Map.of()
                : account.api().contactsByIds(contactIds).stream()
                        .collect(Collectors.toMap(CrmContact::id, Function.identity(), (a, b) -> a));
        List<LeadSnapshotted> snapshots = normalise(tenant, account, leads, contacts);
        int changed = 0;
        for (LeadSnapshotted snapshot : snapshots) {
            SnapshotPublisher.Outcome outcome =
                    publisher.publishIfChanged(snapshot, causationOfLead.apply(snapshot.leadId()));
            if (outcome == SnapshotPublisher.Outcome.PUBLISHED || outcome == SnapshotPublisher.Outcome.ECHO) {
                changed++;
            }
        }
        return changed;
    }

    /** Publishes notes named by hints as LeadNoteAdded (once each). */
    public void publishNotes(String tenant, Collection<String> noteIds, Map<String, String> causationOfNote) {
        if (noteIds.isEmpty()) {
            return;
        }
        CrmAccount account = accounts.get(tenant);
        CrmMetadata md = metadata.get(tenant);
        for (CrmNote note : account.api().notesByIds(new LinkedHashSet<>(noteIds))) {
            publisher.publishNote(tenant, account.kind(), note, md, causationOfNote.get(note.id()));
        }
    }

    private List<LeadSnapshotted> normalise(
            String tenant, CrmAccount account, List<CrmLead> leads, Map<String, CrmContact> contacts) {
        LeadNormaliser normaliser = new LeadNormaliser(
                account.kind(),
                new FieldCodec(account.settings().timeZone()),
                account.settings().crm().cardUrlTemplate());
        CrmMetadata md = metadata.get(tenant);
        boolean refreshed = false;
        List<LeadSnapshotted> snapshots = new ArrayList<>();
        for (CrmLead lead : leads) {
            CrmContact contact = lead.mainContactId() == null ? null : contacts.get(lead.mainContactId());
            LeadNormaliser.Result result = normaliser.normalise(tenant, lead, contact, md, clock.instant(), false);
            if (!result.complete() && !refreshed && !metadata.isFresh(tenant)) {
                md = metadata.refreshOnMiss(tenant);
                refreshed = true;
                result = normaliser.normalise(tenant, lead, contact, md, clock.instant(), false);
            }
            if (!result.complete()) {
                log.warn(
                        "tenant {}: lead {} refers to ids the CRM metadata does not name: {}",
                        tenant,
                        lead.id(),
                        result.unknown());
                result = normaliser.normalise(tenant, lead, contact, md, clock.instant(), true);
            }
            snapshots.add(result.snapshot());
        }
        return snapshots;
    }

    private boolean wasPublished(String tenant, String leadId) {
        Boolean published = tx.execute(
                s -> states.lock(tenant, leadId).map(st -> !st.deleted()).orElse(false));
        return Boolean.TRUE.equals(published);
    }
}
