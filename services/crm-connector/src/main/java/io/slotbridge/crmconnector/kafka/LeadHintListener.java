package io.slotbridge.crmconnector.kafka;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.crmconnector.app.DeferredQueue;
import io.slotbridge.crmconnector.app.HintHandler;
import io.slotbridge.crmconnector.config.KafkaListenersConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * {@code crm.lead-hints.v1}: each poll (held back up to {@code hint-window} by the broker) is coalesced per lead and
 * re-read in batches. Hints are notifications, not truth: one for an account that is not connected is dropped with a
 * log line (the sweep catches up after connecting). A blocked account's hints wait in a {@link DeferredQueue}, so the
 * consumer never pauses: one tenant's wait holds up nobody else.
 */
@Component
public class LeadHintListener {

    private final HintHandler handler;
    private final DeferredQueue<LeadChangeNoticed> deferred;

    public LeadHintListener(HintHandler handler, DeferredQueue<LeadChangeNoticed> deferred) {
        this.handler = handler;
        this.deferred = deferred;
    }

    @KafkaListener(
            id = "crm-connector.lead-hints",
            topics = "#{T(io.slotbridge.contracts.Topics).CRM_LEAD_HINTS.name()}",
            groupId = "${slotbridge.crm-connector.consumer-group:crm-connector}",
            containerFactory = KafkaListenersConfig.HINTS_FACTORY,
            autoStartup = "${slotbridge.crm-connector.listeners-enabled:true}")
    public void on(List<ConsumerRecord<String, Envelope>> records, Acknowledgment ack) {
        List<LeadChangeNoticed> hints = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() instanceof LeadChangeNoticed hint) {
                hints.add(hint);
            } else {
                handle(hints);
                throw ListenerSupport.poison(ListenerSupport.unreadableReason(records.get(i)), i);
            }
        }
        handle(hints);
        ack.acknowledge();
    }

    private void handle(List<LeadChangeNoticed> hints) {
        handler.byTenant(hints).forEach(deferred::accept);
    }
}
