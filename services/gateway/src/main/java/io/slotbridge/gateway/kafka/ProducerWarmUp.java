package io.slotbridge.gateway.kafka;

import io.slotbridge.contracts.Topics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Opens the producer and fetches the metadata of every topic the gateway writes as soon as it is ready, so the first
 * webhook after a start does not spend its time budget on that. Best effort: if Kafka is not there yet, requests
 * will find out themselves (and get 503).
 */
@Component
class ProducerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

    static final List<String> TOPICS = List.of(
            Topics.INGRESS_RAW.name(),
            Topics.INGRESS_RAW.dlt(),
            Topics.CRM_LEAD_HINTS.name(),
            Topics.CALENDAR_NOTIFICATIONS.name(),
            Topics.MESSAGING_INBOUND.name());

    private final KafkaTemplate<?, ?> template;

    ProducerWarmUp(KafkaTemplate<?, ?> template) {
        this.template = template;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Schedulers.boundedElastic().schedule(() -> {
            for (String topic : TOPICS) {
                try {
                    template.partitionsFor(topic);
                } catch (RuntimeException e) {
                    log.warn("Kafka metadata for {} not available yet: {}", topic, e.toString());
                    return;
                }
            }
            log.info("Kafka producer ready for {}", TOPICS);
        });
    }
}
