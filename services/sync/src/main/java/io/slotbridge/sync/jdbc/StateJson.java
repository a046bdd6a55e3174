package io.slotbridge.sync.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.sync.domain.MeetingState;

/** The stored form of a {@link MeetingState}: the contracts' JSON conventions (ISO instants, no nulls). */
final class StateJson {

    private static final ObjectMapper MAPPER = ContractJson.configure(new ObjectMapper());

    private StateJson() {}

    static String write(MeetingState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot store the meeting state of " + state.tenant() + ":" + state.leadId(), e);
        }
    }

    static MeetingState read(String json) {
        try {
            return MAPPER.readValue(json, MeetingState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored meeting state is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
