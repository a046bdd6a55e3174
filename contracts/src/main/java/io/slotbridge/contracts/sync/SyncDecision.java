package io.slotbridge.contracts.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code sync.decisions.v1}: the decider's audit trail, one record per input it processed. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(DecisionRecorded.class)})
public sealed interface SyncDecision extends DomainEvent, LeadScoped permits DecisionRecorded {}
