package io.slotbridge.followup.app;

import io.slotbridge.contracts.meeting.ClientUnreachable;
import io.slotbridge.contracts.meeting.MeetingEvent;
import io.slotbridge.contracts.meeting.MeetingRescheduled;
import io.slotbridge.contracts.meeting.MeetingScheduled;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.followup.domain.Trigger;
import io.slotbridge.followup.store.LeadStore;
import io.slotbridge.platform.outbox.InboxDeduplicator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code meeting.events.v1}: a no-show starts scenario B; a booked or moved meeting stops any run. */
@Component
public class MeetingEventHandler {

    static final String CONSUMER = "followup.meeting-events";

    private final FollowupTenants tenants;
    private final LeadStore leads;
    private final RunStarter starter;
    private final RunStopper stopper;
    private final InboxDeduplicator inbox;
    private final Clock clock;

    public MeetingEventHandler(
            FollowupTenants tenants,
            LeadStore leads,
            RunStarter starter,
            RunStopper stopper,
            InboxDeduplicator inbox,
            Clock clock) {
        this.tenants = tenants;
        this.leads = leads;
        this.starter = starter;
        this.stopper = stopper;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void on(MeetingEvent event) {
        Optional<FollowupTenant> tenant = tenants.find(event.tenant());
        if (tenant.isEmpty() || !inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        Instant now = clock.instant();
        if (event instanceof ClientUnreachable unreachable) {
            leads.lock(event.tenant(), event.leadId(), now);
            // one run per no-show of one meeting, however often the event is published
            String triggerId = Trigger.CLIENT_UNREACHABLE.keyword() + "|" + unreachable.meetingNumber() + "|"
                    + unreachable.slotId();
            starter.start(tenant.get(), event.leadId(), Trigger.CLIENT_UNREACHABLE, triggerId, event.eventId(), now);
        } else if (event instanceof MeetingScheduled || event instanceof MeetingRescheduled) {
            leads.lock(event.tenant(), event.leadId(), now);
            leads.meetingBooked(event.tenant(), event.leadId(), event.occurredAt());
            stopper.stop(tenant.get(), event.leadId(), StopCondition.MEETING_SCHEDULED, event.eventId(), now);
        }
    }
}
