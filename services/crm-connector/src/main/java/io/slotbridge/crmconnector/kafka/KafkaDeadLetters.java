package io.slotbridge.crmconnector.kafka;

import io.slotbridge.crmconnector.app.DeadLetters;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Raw dead letters with the platform's reason and failed-by headers, the same shape the listeners' recoverer writes. */
public class KafkaDeadLetters implements DeadLetters {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, byte[]> template;
    private final String service;

    public KafkaDeadLetters(KafkaProperties kafka, String service) {
        this.template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(null), new StringSerializer(), new ByteArraySerializer()));
        this.service = service;
    }

    @Override
    public void send(String topic, String key, byte[] raw, String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, raw);
        record.headers()
                .add(PlatformKafkaAutoConfiguration.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add(PlatformKafkaAutoConfiguration.FAILED_BY_HEADER, service.getBytes(StandardCharsets.UTF_8));
        try {
            template.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter to " + topic + ": " + e, e);
        }
    }
}
