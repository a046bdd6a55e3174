package io.slotbridge.console.projection.kafka;

import io.slotbridge.console.projection.app.Projector;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every topic and dead-letter topic, as raw bytes, into the console's projection. */
@Component
class TopicsListener {

    private final Projector projector;

    TopicsListener(Projector projector) {
        this.projector = projector;
    }

    @KafkaListener(
            id = "console.projection",
            groupId = "${slotbridge.console.consumer-group:console}",
            topics = "#{@consoleSubscriptions.topics()}",
            containerFactory = ProjectionKafkaConfig.RAW_BATCH_FACTORY)
    void on(List<ConsumerRecord<byte[], byte[]>> records) {
        projector.project(records);
    }
}
