package io.slotbridge.followup.kafka;

import io.slotbridge.contracts.crm.LeadEvent;
import io.slotbridge.followup.app.LeadEventHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code crm.lead-events.v1} → lead state and stop signals. */
@Component
public class LeadEventsListener {

    private final LeadEventHandler handler;

    public LeadEventsListener(LeadEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(
            id = "followup.lead-events",
            groupId = "${slotbridge.followup.consumer-group:followup}",
            topics = "#{T(io.slotbridge.contracts.Topics).CRM_LEAD_EVENTS.name()}")
    public void on(LeadEvent event) {
        handler.on(event);
    }
}
