package io.slotbridge.followup.app;

import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadEvent;
import io.slotbridge.contracts.crm.LeadNoteAdded;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.followup.domain.StopRules;
import io.slotbridge.followup.store.LeadState;
import io.slotbridge.followup.store.LeadStore;
import io.slotbridge.platform.outbox.InboxDeduplicator;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code crm.lead-events.v1}: keeps the latest snapshot of each lead (stage, phone) and stops runs on a call with a
 * conversation, a move to the meeting stage, closing and deletion.
 */
@Component
public class LeadEventHandler {

    static final String CONSUMER = "followup.lead-events";

    private final FollowupTenants tenants;
    private final LeadStore leads;
    private final RunStopper stopper;
    private final InboxDeduplicator inbox;
    private final Clock clock;

    public LeadEventHandler(
            FollowupTenants tenants, LeadStore leads, RunStopper stopper, InboxDeduplicator inbox, Clock clock) {
        this.tenants = tenants;
        this.leads = leads;
        this.stopper = stopper;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void on(LeadEvent event) {
        Optional<FollowupTenant> tenant = tenants.find(event.tenant());
        if (tenant.isEmpty() || !inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        Instant now = clock.instant();
        if (event instanceof LeadSnapshotted snapshot) {
            onSnapshot(tenant.get(), snapshot, now);
        } else if (event instanceof LeadNoteAdded note) {
            if (note.isConversation() && note.echoOfCommandId() == null) {
                stopper.stop(tenant.get(), note.leadId(), StopCondition.CALL_WITH_CONVERSATION, note.eventId(), now);
            }
        } else if (event instanceof LeadDeleted deleted) {
            leads.lock(deleted.tenant(), deleted.leadId(), now);
            leads.markDeleted(deleted.tenant(), deleted.leadId(), now);
            stopper.stop(tenant.get(), deleted.leadId(), StopCondition.LEAD_DELETED, deleted.eventId(), now);
        }
    }

    private void onSnapshot(FollowupTenant tenant, LeadSnapshotted snapshot, Instant now) {
        LeadState known = leads.lock(snapshot.tenant(), snapshot.leadId(), now);
        if (snapshot.version() < known.version()) {
            return; // an older re-read overtaken by a newer one
        }
        boolean sameStage = Objects.equals(known.stage(), snapshot.stage()) && known.stageSince() != null;
        boolean closed = snapshot.stageSemantic() != StageSemantic.OPEN;
        LeadState next = new LeadState(
                known.tenant(),
                known.leadId(),
                snapshot.version(),
                snapshot.name(),
                snapshot.stage(),
                closed,
                snapshot.contact() == null
                        ? known.phone()
                        : Phones.digits(snapshot.contact().phone()),
                snapshot.contact() == null
                        ? known.contactName()
                        : snapshot.contact().name(),
                sameStage ? known.stageSince() : snapshot.occurredAt(),
                known.meetingBookedAt(),
                known.lastClientMessageAt(),
                known.deleted());
        leads.saveSnapshot(next, now);
        StopRules.forStage(known.stage(), snapshot.stage(), closed, tenant.meetingScheduledStage())
                .ifPresent(condition -> stopper.stop(tenant, snapshot.leadId(), condition, snapshot.eventId(), now));
    }
}
