package io.slotbridge.platform.kafka;

import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record as the sealed type of the topic it came from (looked up in {@link Topics}, dead-letter topics
 * included). Wrap it in spring-kafka's ErrorHandlingDeserializer so a bad record goes to the DLT with its raw bytes.
 */
public class ContractDeserializer implements Deserializer<Envelope> {

    @Override
    public Envelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        TopicSpec<?> spec = Topics.byNameOrDlt(topic)
                .orElseThrow(() -> new SerializationException("topic " + topic + " is not in the Topics catalogue"));
        try {
            return ContractJson.fromBytes(data, spec.valueType());
        } catch (RuntimeException e) {
            throw new SerializationException("not a valid " + spec.name() + " record: " + e.getMessage(), e);
        }
    }
}
