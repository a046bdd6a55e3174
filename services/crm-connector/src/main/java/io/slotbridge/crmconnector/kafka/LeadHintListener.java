package io.slotbridge.crmconnector.kafka;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.crmconnector.app.AccountBlockedException;
import io.slotbridge.crmconnector.app.HintHandler;
import io.slotbridge.crmconnector.config.KafkaListenersConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * {@code crm.lead-hints.v1}: each poll (held back up to {@code hint-window} by the broker) is coalesced per lead and
 * re-read in batches. Hints are notifications, not truth: one for an account that is not connected is dropped with a
 * log line (the sweep catches up after connecting); a blocked account pauses the consumer.
 */
@Component
public class LeadHintListener {

    private static final Logger log = LoggerFactory.getLogger(LeadHintListener.class);

    private final HintHandler handler;
    private final Clock clock;

    public LeadHintListener(HintHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
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
                if (!hints.isEmpty() && !handled(hints, ack)) {
                    return;
                }
                throw ListenerSupport.poison(ListenerSupport.unreadableReason(records.get(i)), i);
            }
        }
        if (handled(hints, ack)) {
            ack.acknowledge();
        }
    }

    private boolean handled(List<LeadChangeNoticed> hints, Acknowledgment ack) {
        try {
            handler.handle(hints);
            return true;
        } catch (AccountBlockedException blocked) {
            log.warn("{} hint(s) wait for the CRM block to lift: {}", hints.size(), blocked.getMessage());
            ack.nack(0, ListenerSupport.pauseUntil(blocked.retryAt(), clock.instant()));
            return false;
        }
    }
}
