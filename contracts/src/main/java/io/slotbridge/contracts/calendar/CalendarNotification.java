package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;

/** {@code calendar.notifications.v1}: Google said "something changed" on a watched calendar. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CalendarChangeNotified.class)})
public sealed interface CalendarNotification extends DomainEvent permits CalendarChangeNotified {}
