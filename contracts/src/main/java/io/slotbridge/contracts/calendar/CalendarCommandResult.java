package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code calendar.command-results.v1}: the outcome of each {@link CalendarCommand}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CalendarCommandApplied.class), @JsonSubTypes.Type(CalendarCommandRejected.class)})
public sealed interface CalendarCommandResult extends DomainEvent, LeadScoped
        permits CalendarCommandApplied, CalendarCommandRejected {

    String commandId();

    String commandType();

    String slotId();
}
