package io.slotbridge.followup.kafka;

import io.slotbridge.contracts.messaging.MessagingInbound;
import io.slotbridge.followup.app.MessagingHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code messaging.inbound.v1} → client replies stop runs, delivery statuses are recorded. */
@Component
public class MessagingInboundListener {

    private final MessagingHandler handler;

    public MessagingInboundListener(MessagingHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(
            id = "followup.messaging-inbound",
            groupId = "${slotbridge.followup.consumer-group:followup}",
            topics = "#{T(io.slotbridge.contracts.Topics).MESSAGING_INBOUND.name()}")
    public void on(MessagingInbound event) {
        handler.on(event);
    }
}
