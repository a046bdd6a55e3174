package io.slotbridge.console.projection.app;

import io.slotbridge.console.common.domain.SecretMasker;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Envelope;
import java.time.Instant;

/** A contract record read from a topic, with what every projection row needs from it. */
record ProjectedRecord(String topic, Envelope record) {

    String tenant() {
        return record.tenant();
    }

    String messageId() {
        return record.recordId();
    }

    Instant occurredAt() {
        return record.recordTime();
    }

    String type() {
        return ContractTypes.typeName(record);
    }

    /** The record as JSON for the detail view, secrets masked. */
    String maskedJson() {
        return SecretMasker.mask(ContractJson.toJson(record));
    }
}
