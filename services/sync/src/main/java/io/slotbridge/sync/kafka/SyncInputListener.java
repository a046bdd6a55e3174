package io.slotbridge.sync.kafka;

import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.SlotEvent;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.LeadEvent;
import io.slotbridge.sync.app.LeadSync;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The four inputs of the decider. Each topic is keyed by lead, so a lead's records of one topic arrive in order;
 * records of one lead from different topics are serialised by the state lock in {@link LeadSync}.
 */
public class SyncInputListener {

    private final LeadSync sync;

    public SyncInputListener(LeadSync sync) {
        this.sync = sync;
    }

    @KafkaListener(
            id = "sync.lead-events",
            topics = "#{T(io.slotbridge.contracts.Topics).CRM_LEAD_EVENTS.name()}",
            groupId = "${slotbridge.sync.consumer-group:sync}",
            autoStartup = "${slotbridge.sync.listeners-enabled:true}")
    void on(LeadEvent event) {
        sync.process(event);
    }

    @KafkaListener(
            id = "sync.slot-events",
            topics = "#{T(io.slotbridge.contracts.Topics).CALENDAR_SLOT_EVENTS.name()}",
            groupId = "${slotbridge.sync.consumer-group:sync}",
            autoStartup = "${slotbridge.sync.listeners-enabled:true}")
    void on(SlotEvent event) {
        sync.process(event);
    }

    @KafkaListener(
            id = "sync.crm-command-results",
            topics = "#{T(io.slotbridge.contracts.Topics).CRM_COMMAND_RESULTS.name()}",
            groupId = "${slotbridge.sync.consumer-group:sync}",
            autoStartup = "${slotbridge.sync.listeners-enabled:true}")
    void on(CrmCommandResult result) {
        sync.process(result);
    }

    @KafkaListener(
            id = "sync.calendar-command-results",
            topics = "#{T(io.slotbridge.contracts.Topics).CALENDAR_COMMAND_RESULTS.name()}",
            groupId = "${slotbridge.sync.consumer-group:sync}",
            autoStartup = "${slotbridge.sync.listeners-enabled:true}")
    void on(CalendarCommandResult result) {
        sync.process(result);
    }
}
