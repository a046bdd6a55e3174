package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code calendar.slot-events.v1}: calendar slots as the calendar-connector last read them, keyed by lead. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(SlotSnapshotted.class)})
public sealed interface SlotEvent extends DomainEvent, LeadScoped permits SlotSnapshotted {}
