package io.slotbridge.contracts.followup;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code followup.events.v1}: follow-up runs as they happen. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(FollowUpStarted.class),
    @JsonSubTypes.Type(FollowUpStepExecuted.class),
    @JsonSubTypes.Type(FollowUpStopped.class),
    @JsonSubTypes.Type(FollowUpCompleted.class),
    @JsonSubTypes.Type(FollowUpMessageStatusChanged.class)
})
public sealed interface FollowUpEvent extends DomainEvent, LeadScoped
        permits FollowUpStarted,
                FollowUpStepExecuted,
                FollowUpStopped,
                FollowUpCompleted,
                FollowUpMessageStatusChanged {

    String runId();

    /** Sequence name, e.g. {@code A} or {@code B}. */
    String scenario();
}
