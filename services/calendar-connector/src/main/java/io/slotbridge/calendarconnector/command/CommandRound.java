package io.slotbridge.calendarconnector.command;

import com.google.api.services.calendar.model.Event;
import io.slotbridge.calendarconnector.google.EventMapper;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient.EventWrite;
import io.slotbridge.calendarconnector.google.GoogleFailure;
import io.slotbridge.calendarconnector.google.Outcome;
import io.slotbridge.calendarconnector.slot.domain.CalendarEntry;
import io.slotbridge.calendarconnector.slot.domain.LeadLink;
import io.slotbridge.calendarconnector.slot.domain.SlotEdit;
import io.slotbridge.calendarconnector.slot.domain.SlotEdits;
import io.slotbridge.calendarconnector.sync.SlotSnapshotPublisher;
import io.slotbridge.calendarconnector.sync.SlotState;
import io.slotbridge.calendarconnector.sync.SlotStateRepository;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.MoveSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.SlotLinkProperties;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One round of commands on distinct slots of one calendar: the reads of all updates (one batch request), then all
 * inserts and updates (one batch request), then the re-reads a 409 or 412 asks for. See {@link CommandExecutor} for
 * why creates cannot duplicate and updates cannot overwrite a person's change.
 */
final class CommandRound {

    private final String tenant;
    private final String calendarId;
    private final Map<String, CalendarCommand> commands;
    private final ZoneId zone;
    private final Set<String> answered = new HashSet<>();
    private final GoogleCalendarClient google;
    private final SlotStateRepository slotStates;
    private final SlotSnapshotPublisher snapshots;
    private final CommandAnswers answers;
    private final Clock clock;

    CommandRound(
            String tenant,
            String calendarId,
            ZoneId zone,
            Map<String, CalendarCommand> commands,
            GoogleCalendarClient google,
            SlotStateRepository slotStates,
            SlotSnapshotPublisher snapshots,
            CommandAnswers answers,
            Clock clock) {
        this.tenant = tenant;
        this.calendarId = calendarId;
        this.zone = zone;
        this.commands = commands;
        this.google = google;
        this.slotStates = slotStates;
        this.snapshots = snapshots;
        this.answers = answers;
        this.clock = clock;
    }

    void run() {
        if (commands.isEmpty()) {
            return;
        }
        try {
            readAndWrite();
        } catch (GoogleFailure e) {
            // a failure of the whole round (e.g. the tenant is not connected): every open command gets the answer
            commands.values().stream()
                    .filter(command -> !answered.contains(command.commandId()))
                    .forEach(command -> reply(command, CommandResults.rejected(command, e, now())));
        }
    }

    private void readAndWrite() {
        Map<String, EventWrite> writes = new LinkedHashMap<>();
        List<CalendarCommand> updates = commands.values().stream()
                .filter(c -> !(c instanceof CreateSlot))
                .toList();
        Map<String, Outcome<Event>> current = updates.isEmpty()
                ? Map.of()
                : google.getEvents(
                        tenant,
                        calendarId,
                        updates.stream().map(CalendarCommand::slotId).toList());
        Map<String, SlotState> known = slotStates.find(
                tenant,
                calendarId,
                updates.stream().map(CalendarCommand::slotId).toList());
        for (CalendarCommand command : commands.values()) {
            if (command instanceof CreateSlot create) {
                writes.put(command.commandId(), EventWrite.insert(EventMapper.newEvent(create)));
                continue;
            }
            Outcome<Event> read = current.get(command.slotId());
            if (!read.succeeded()) {
                reply(command, CommandResults.rejected(command, read.failure(), now()));
                continue;
            }
            prepareUpdate(command, read.value(), known.get(command.slotId()), writes);
        }
        List<CalendarCommand> rereads = new ArrayList<>();
        Map<String, Outcome<Event>> written = writes.isEmpty() ? Map.of() : google.write(tenant, calendarId, writes);
        written.forEach((commandId, outcome) -> {
            CalendarCommand command = commands.get(commandId);
            if (outcome.succeeded()) {
                applied(command, outcome.value(), CommandOutcome.APPLIED, true);
            } else if (outcome.failedWith(GoogleFailure.Kind.DUPLICATE) && command instanceof CreateSlot) {
                rereads.add(command);
            } else if (outcome.failedWith(GoogleFailure.Kind.PRECONDITION_FAILED)) {
                rereads.add(command);
            } else {
                reply(command, CommandResults.rejected(command, outcome.failure(), now()));
            }
        });
        reread(rereads);
    }

    private void prepareUpdate(CalendarCommand command, Event event, SlotState known, Map<String, EventWrite> writes) {
        CalendarEntry entry = EventMapper.toEntry(event, zone);
        String expected = expectedEtag(command);
        if (expected == null) {
            expected = known != null && known.etag() != null ? known.etag() : entry.etag();
        }
        if (!Objects.equals(expected, entry.etag())) {
            conflict(
                    command,
                    entry,
                    "the slot changed after the state this command was decided on (etag " + expected + ", now "
                            + entry.etag() + ")");
            return;
        }
        SlotEdit edit = editFor(command, entry);
        if (!edit.changes(entry)) {
            reply(
                    command,
                    CommandResults.applied(
                            command, CommandOutcome.ALREADY_APPLIED, entry.etag(), entry.updated(), now()));
            return;
        }
        writes.put(
                command.commandId(),
                EventWrite.update(EventMapper.applyEdit(event, edit, command.commandId()), expected));
    }

    /** 409 on create: the slot exists, answer with it. 412 on update: someone was faster, the decider re-decides. */
    private void reread(List<CalendarCommand> rereads) {
        if (rereads.isEmpty()) {
            return;
        }
        Map<String, Outcome<Event>> again = google.getEvents(
                tenant,
                calendarId,
                rereads.stream().map(CalendarCommand::slotId).toList());
        for (CalendarCommand command : rereads) {
            Outcome<Event> read = again.get(command.slotId());
            if (!read.succeeded()) {
                reply(command, CommandResults.rejected(command, read.failure(), now()));
            } else if (command instanceof CreateSlot) {
                applied(command, read.value(), CommandOutcome.ALREADY_APPLIED, false);
            } else {
                conflict(
                        command,
                        EventMapper.toEntry(read.value(), zone),
                        "Google answered 412: the slot changed while this command was being written");
            }
        }
    }

    /**
     * @param ownWrite the event is exactly what this command wrote (recorded for echo detection); false for an
     *     event we only read back (409), which a person may have changed since our earlier attempt
     */
    private void applied(CalendarCommand command, Event event, CommandOutcome outcome, boolean ownWrite) {
        CalendarEntry entry = EventMapper.toEntry(event, zone);
        if (ownWrite && entry.etag() != null) {
            slotStates.recordOwnWrite(
                    tenant, calendarId, entry.id(), link(command, entry), command.commandId(), entry.etag());
        }
        snapshots.publishChanged(tenant, calendarId, List.of(entry), command.commandId(), false);
        reply(command, CommandResults.applied(command, outcome, entry.etag(), entry.updated(), now()));
    }

    private void reply(CalendarCommand command, CalendarCommandResult result) {
        answered.add(command.commandId());
        answers.answer(command, result);
    }

    private void conflict(CalendarCommand command, CalendarEntry current, String reason) {
        snapshots.publishChanged(tenant, calendarId, List.of(current), command.commandId(), true);
        reply(command, CommandResults.rejected(command, RejectionCode.CONFLICT, reason, false, 412, now()));
    }

    private static LeadLink link(CalendarCommand command, CalendarEntry entry) {
        if (command instanceof CreateSlot create) {
            return new LeadLink(create.leadId(), create.meetingNumber());
        }
        String meeting = entry.privateProperty(SlotLinkProperties.MEETING_NUMBER);
        return new LeadLink(
                command.leadId(), meeting != null && meeting.matches("\\d{1,9}") ? Integer.valueOf(meeting) : null);
    }

    private static SlotEdit editFor(CalendarCommand command, CalendarEntry entry) {
        if (command instanceof PaintSlot paint) {
            return SlotEdits.paint(entry, paint);
        }
        if (command instanceof MoveSlot move) {
            return SlotEdits.move(entry, move);
        }
        if (command instanceof RestoreSlot restore) {
            return SlotEdits.restore(entry, restore);
        }
        if (command instanceof UpdateSlotDetails details) {
            return SlotEdits.updateDetails(entry, details);
        }
        throw new IllegalStateException(command.getClass().getSimpleName() + " is not an update");
    }

    /** The etag the decision was based on, when the command carries one (restores and creates do not). */
    private static String expectedEtag(CalendarCommand command) {
        if (command instanceof PaintSlot paint) {
            return paint.expectedEtag();
        }
        if (command instanceof MoveSlot move) {
            return move.expectedEtag();
        }
        if (command instanceof UpdateSlotDetails details) {
            return details.expectedEtag();
        }
        return null;
    }

    private Instant now() {
        return clock.instant();
    }
}
