package io.slotbridge.sync.domain;

import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.meeting.MeetingEvent;
import java.util.List;

/**
 * The result of deciding one input: the lead's new state and what to send.
 *
 * @param rules the rules that fired, e.g. {@code crm.booked->create-slot}, in firing order
 */
public record Decision(
        MeetingState state,
        List<CalendarCommand> calendarCommands,
        List<CrmCommand> crmCommands,
        List<MeetingEvent> events,
        List<String> rules,
        Outcome outcome) {

    public Decision {
        calendarCommands = List.copyOf(calendarCommands);
        crmCommands = List.copyOf(crmCommands);
        events = List.copyOf(events);
        rules = List.copyOf(rules);
    }

    public int commandCount() {
        return calendarCommands.size() + crmCommands.size();
    }
}
