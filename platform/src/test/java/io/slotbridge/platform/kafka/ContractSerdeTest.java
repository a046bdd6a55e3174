package io.slotbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ContractSerdeTest {

    private final ContractSerializer serializer = new ContractSerializer();
    private final ContractDeserializer deserializer = new ContractDeserializer();

    @Test
    void records_read_back_as_the_sealed_type_of_their_topic_and_of_its_dlt() {
        LeadSnapshotted snapshot = ContractSamples.leadSnapshotted();
        byte[] bytes = serializer.serialize(Topics.CRM_LEAD_EVENTS.name(), snapshot);

        Envelope back = deserializer.deserialize(Topics.CRM_LEAD_EVENTS.name(), bytes);
        Envelope fromDlt = deserializer.deserialize(Topics.CRM_LEAD_EVENTS.dlt(), bytes);

        assertThat(back).isEqualTo(snapshot);
        assertThat(fromDlt).isEqualTo(snapshot);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"type\":\"lead.snapshot\"");
    }

    @Test
    void garbage_and_unknown_topics_fail_as_serialization_errors() {
        assertThatThrownBy(() -> deserializer.deserialize(Topics.CRM_LEAD_EVENTS.name(), "{nope".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("crm.lead-events.v1");
        assertThatThrownBy(() -> deserializer.deserialize("unknown.topic.v1", "{}".getBytes()))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() ->
                        deserializer.deserialize(Topics.CRM_LEAD_EVENTS.name(), "{\"type\":\"slot.paint\"}".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}
