package io.slotbridge.sync.app;

import io.slotbridge.sync.domain.MeetingState;
import java.util.List;
import java.util.Optional;

/** Where meeting states, their lead ↔ slot links and the decision history live. */
public interface MeetingStates {

    /**
     * The lead's state, locked until the surrounding transaction ends, so two inputs of one lead (from different
     * topics) are decided one after the other. Empty for a lead never seen.
     */
    Optional<MeetingState> lock(String tenant, String leadId);

    /** Stores the state and refreshes the lead's slot links; inside the processing transaction. */
    void save(MeetingState state);

    void append(DecisionEntry entry);

    /** The state without locking (admin view). */
    Optional<MeetingState> find(String tenant, String leadId);

    /** The newest decisions of a lead, newest first. */
    List<DecisionEntry> history(String tenant, String leadId, int limit);
}
