package io.slotbridge.platform.kafka;

import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import org.apache.kafka.common.serialization.Serializer;

/** Writes contract records as their JSON body (the {@code type} property names the record, never a Java class). */
public class ContractSerializer implements Serializer<Envelope> {

    @Override
    public byte[] serialize(String topic, Envelope data) {
        return data == null ? null : ContractJson.toBytes(data);
    }
}
