package io.slotbridge.console.deadletter.app;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slotbridge.contracts.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.header.Header;

/** Kafka headers stored as JSON, values base64 so binary headers (partition numbers) survive unchanged. */
record StoredHeaders(List<Entry> entries) {

    record Entry(String name, String value) {

        byte[] bytes() {
            return value == null ? null : Base64.getDecoder().decode(value);
        }
    }

    private static final TypeReference<List<Entry>> TYPE = new TypeReference<>() {};

    static String toJson(Iterable<Header> headers) {
        List<Entry> entries = new ArrayList<>();
        for (Header header : headers) {
            entries.add(new Entry(
                    header.key(),
                    header.value() == null ? null : Base64.getEncoder().encodeToString(header.value())));
        }
        return ContractJson.toJson(entries);
    }

    static StoredHeaders fromJson(String json) {
        try {
            return new StoredHeaders(ContractJson.mapper().readValue(json, TYPE));
        } catch (IOException e) {
            throw new UncheckedIOException("stored dead-letter headers are not readable", e);
        }
    }
}
