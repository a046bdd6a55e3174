package io.slotbridge.crmconnector.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadNoteAdded;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.CrmNote;
import io.slotbridge.crmconnector.domain.EchoDetector;
import io.slotbridge.crmconnector.domain.LeadSnapshots;
import io.slotbridge.crmconnector.store.LeadStateStore;
import io.slotbridge.crmconnector.store.WriteLedger;
import io.slotbridge.platform.outbox.InboxDeduplicator;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of {@code crm.lead-events.v1}. Under the lead's row lock it compares a fresh snapshot with the last
 * published one and publishes (through the outbox, in the same transaction as the new fingerprint) only a change,
 * marked as an echo when it shows nothing but our own writes.
 */
@Component
public class SnapshotPublisher {

    /** Our writes older than this are not matched against snapshots any more. */
    static final Duration ECHO_WINDOW = Duration.ofHours(1);

    private final TransactionTemplate tx;
    private final LeadStateStore states;
    private final WriteLedger ledger;
    private final OutboxWriter outbox;
    private final InboxDeduplicator inbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public SnapshotPublisher(
            TransactionTemplate tx,
            LeadStateStore states,
            WriteLedger ledger,
            OutboxWriter outbox,
            InboxDeduplicator inbox,
            Clock clock,
            MeterRegistry meters) {
        this.tx = tx;
        this.states = states;
        this.ledger = ledger;
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
        this.meters = meters;
    }

    public enum Outcome {
        PUBLISHED,
        ECHO,
        UNCHANGED,
        STALE
    }

    public Outcome publishIfChanged(LeadSnapshotted fresh, String causationId) {
        Outcome outcome = tx.execute(status -> {
            String tenant = fresh.tenant();
            Optional<LeadStateStore.LeadState> last = states.lock(tenant, fresh.leadId());
            LeadSnapshotted previous = last.filter(s -> !s.deleted())
                    .map(LeadStateStore.LeadState::snapshot)
                    .orElse(null);
            if (previous != null && fresh.version() < previous.version()) {
                return Outcome.STALE; // an older read (a sweep page) lost the race against a newer one
            }
            String fingerprint = LeadSnapshots.fingerprint(fresh);
            if (previous != null && fingerprint.equals(last.get().fingerprint())) {
                return Outcome.UNCHANGED;
            }
            Instant now = clock.instant();
            EchoDetector.Verdict verdict = EchoDetector.judge(
                    previous, fresh, ledger.unsettled(tenant, fresh.leadId(), now.minus(ECHO_WINDOW)));
            ledger.settle(verdict.settled());
            String eventId = MessageIds.deterministic(
                    tenant, fresh.leadId(), "lead.snapshot", fingerprint, String.valueOf(fresh.version()));
            LeadSnapshotted published = LeadSnapshots.publishedAs(fresh, eventId, now, verdict.echoOf(), causationId);
            outbox.append(Topics.CRM_LEAD_EVENTS, published);
            states.published(tenant, fresh.leadId(), fingerprint, published, now);
            return verdict.isEcho() ? Outcome.ECHO : Outcome.PUBLISHED;
        });
        meters.counter(
                        "slotbridge.crm.snapshots",
                        "tenant",
                        fresh.tenant(),
                        "outcome",
                        outcome.name().toLowerCase())
                .increment();
        return outcome;
    }

    /** Publishes LeadDeleted once per deletion (a lead we never published is reported too: sync may know it). */
    public boolean publishDeleted(String tenant, String leadId, CrmKind crm, String causationId) {
        Boolean published = tx.execute(status -> {
            Optional<LeadStateStore.LeadState> last = states.lock(tenant, leadId);
            if (last.isPresent() && last.get().deleted()) {
                return false;
            }
            Instant now = clock.instant();
            String eventId =
                    MessageIds.deterministic(tenant, leadId, "lead.deleted", causationId == null ? "" : causationId);
            outbox.append(Topics.CRM_LEAD_EVENTS, new LeadDeleted(eventId, tenant, leadId, now, crm, causationId));
            states.deleted(tenant, leadId, now);
            return true;
        });
        if (Boolean.TRUE.equals(published)) {
            meters.counter("slotbridge.crm.snapshots", "tenant", tenant, "outcome", "deleted")
                    .increment();
        }
        return Boolean.TRUE.equals(published);
    }

    /** Publishes a note once (deduplicated by note id), naming our command when we wrote it. */
    public boolean publishNote(String tenant, CrmKind crm, CrmNote note, CrmMetadata metadata, String causationId) {
        Boolean published = tx.execute(status -> {
            if (!inbox.firstDelivery("crm-connector.notes", tenant + ":" + note.id())) {
                return false;
            }
            CrmMetadata.CrmUserInfo author =
                    note.createdByUserId() == null ? null : metadata.users().get(note.createdByUserId());
            CrmUser createdBy = author == null
                    ? (note.createdByUserId() == null || note.createdByUserId().equals("0")
                            ? null
                            : new CrmUser(note.createdByUserId(), null, null))
                    : new CrmUser(author.id(), author.name(), author.email());
            String echoOf = ledger.commandThatCreated(tenant, note.id()).orElse(null);
            outbox.append(
                    Topics.CRM_LEAD_EVENTS,
                    new LeadNoteAdded(
                            MessageIds.deterministic(tenant, note.leadId(), "lead.note-added", note.id()),
                            tenant,
                            note.leadId(),
                            note.createdAt() == null ? clock.instant() : note.createdAt(),
                            crm,
                            note.id(),
                            note.kind(),
                            note.text(),
                            note.callDurationSeconds(),
                            createdBy,
                            echoOf,
                            causationId));
            return true;
        });
        return Boolean.TRUE.equals(published);
    }
}
