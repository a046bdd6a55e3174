package io.slotbridge.calendarconnector.command;

import com.google.api.services.calendar.model.Event;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.google.EventMapper;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient.EventWrite;
import io.slotbridge.calendarconnector.google.GoogleFailure;
import io.slotbridge.calendarconnector.google.Outcome;
import io.slotbridge.calendarconnector.slot.CalendarLocks;
import io.slotbridge.calendarconnector.slot.domain.CalendarEntry;
import io.slotbridge.calendarconnector.slot.domain.LeadLink;
import io.slotbridge.calendarconnector.slot.domain.SlotEdit;
import io.slotbridge.calendarconnector.slot.domain.SlotEdits;
import io.slotbridge.calendarconnector.sync.SlotSnapshotPublisher;
import io.slotbridge.calendarconnector.sync.SlotState;
import io.slotbridge.calendarconnector.sync.SlotStateRepository;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.MoveSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.SlotLinkProperties;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import io.slotbridge.platform.outbox.OutboxWriter;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes calendar commands against Google, at most once per command id, and answers each on
 * {@code calendar.command-results.v1}.
 *
 * <p><b>Creates are idempotent by id.</b> The event id is the command's {@code slotId}, derived from tenant, lead and
 * meeting number (contracts {@code SlotIds}, base32hex as Google requires). A create retried after a lost answer, or
 * re-sent by the decider, hits Google's 409 "duplicate": we read the existing event and answer
 * {@code ALREADY_APPLIED}; a second slot for the same meeting cannot exist.
 *
 * <p><b>Updates are guarded by etags.</b> An update reads the event, checks its etag against the one the decision was
 * based on (the command's {@code expectedEtag}, else the last etag we saw), applies the change to what it read and
 * writes it back with {@code If-Match}. A person who changed the slot in between makes Google answer 412; we then
 * re-read the slot, publish a fresh snapshot and reject with {@code CONFLICT}, so the decider decides again on the
 * current state instead of us overwriting the person's change.
 *
 * <p>Commands of one calendar that arrive together go out as Google batch requests (reads, then writes), one command
 * per slot per round so commands on the same slot keep their order.
 */
public class CommandExecutor {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final TenantDirectory tenants;
    private final GoogleCalendarClient google;
    private final SlotStateRepository slotStates;
    private final CommandLedger ledger;
    private final SlotSnapshotPublisher snapshots;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final CalendarLocks locks;
    private final Clock clock;
    private final MeterRegistry meters;

    public CommandExecutor(
            TenantDirectory tenants,
            GoogleCalendarClient google,
            SlotStateRepository slotStates,
            CommandLedger ledger,
            SlotSnapshotPublisher snapshots,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            CalendarLocks locks,
            Clock clock,
            MeterRegistry meters) {
        this.tenants = tenants;
        this.google = google;
        this.slotStates = slotStates;
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.transactions = transactions;
        this.locks = locks;
        this.clock = clock;
        this.meters = meters;
    }

    /** Executes commands of known tenants; commands of one calendar are grouped, in order per slot. */
    public void execute(List<CalendarCommand> commands) {
        Map<String, List<CalendarCommand>> byCalendar = new LinkedHashMap<>();
        for (CalendarCommand command : commands) {
            byCalendar
                    .computeIfAbsent(command.tenant() + "|" + command.calendarId(), k -> new ArrayList<>())
                    .add(command);
        }
        byCalendar.values().forEach(group -> {
            CalendarCommand first = group.get(0);
            locks.withLock(first.tenant(), first.calendarId(), () -> {
                List<CalendarCommand> remaining = group;
                while (!remaining.isEmpty()) {
                    remaining = executeRound(first.tenant(), first.calendarId(), remaining);
                }
                return null;
            });
        });
    }

    /** Executes the first command of each slot; returns the commands that wait for the next round. */
    private List<CalendarCommand> executeRound(String tenant, String calendarId, List<CalendarCommand> commands) {
        Set<String> slots = new HashSet<>();
        List<CalendarCommand> round = new ArrayList<>();
        List<CalendarCommand> later = new ArrayList<>();
        for (CalendarCommand command : commands) {
            (slots.add(command.slotId()) ? round : later).add(command);
        }
        Map<String, CalendarCommand> open = new LinkedHashMap<>();
        for (CalendarCommand command : round) {
            var answered = ledger.answerTo(command.commandId());
            if (answered.isPresent()) {
                log.info("calendar command {} was handled before, answering again", command.commandId());
                publishResult(command, answered.get(), false);
                continue;
            }
            String problem = CommandValidation.problemWith(command, tenants.get(tenant));
            if (problem != null) {
                answer(command, CommandResults.rejected(command, RejectionCode.INVALID, problem, false, null, now()));
                continue;
            }
            open.put(command.commandId(), command);
        }
        new Round(tenant, calendarId, open).run();
        return later;
    }

    /** One round of commands on distinct slots of one calendar. */
    private final class Round {

        private final String tenant;
        private final String calendarId;
        private final Map<String, CalendarCommand> commands;
        private final ZoneId zone;
        private final Set<String> answered = new HashSet<>();

        Round(String tenant, String calendarId, Map<String, CalendarCommand> commands) {
            this.tenant = tenant;
            this.calendarId = calendarId;
            this.commands = commands;
            this.zone = tenants.get(tenant).timeZone();
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
            Map<String, Outcome<Event>> written =
                    writes.isEmpty() ? Map.of() : google.write(tenant, calendarId, writes);
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

        private void prepareUpdate(
                CalendarCommand command, Event event, SlotState known, Map<String, EventWrite> writes) {
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
            answer(command, result);
        }

        private void conflict(CalendarCommand command, CalendarEntry current, String reason) {
            snapshots.publishChanged(tenant, calendarId, List.of(current), command.commandId(), true);
            reply(command, CommandResults.rejected(command, RejectionCode.CONFLICT, reason, false, 412, now()));
        }
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

    /** Records the answer in the ledger (when final) and appends it to the outbox in one transaction. */
    private void answer(CalendarCommand command, CalendarCommandResult result) {
        publishResult(command, result, CommandResults.isFinal(result));
        String outcome = result instanceof CalendarCommandRejected rejected
                ? rejected.code().name()
                : ((CalendarCommandApplied) result).outcome().name();
        meters.counter(
                        "slotbridge.calendar.commands",
                        "tenant",
                        command.tenant(),
                        "type",
                        ContractTypes.typeName(command),
                        "result",
                        outcome)
                .increment();
        if (result instanceof CalendarCommandRejected rejected) {
            log.warn(
                    "calendar command {} ({}) on slot {} of tenant {} rejected: {} {}",
                    command.commandId(),
                    ContractTypes.typeName(command),
                    command.slotId(),
                    command.tenant(),
                    rejected.code(),
                    rejected.reason());
        } else {
            log.info(
                    "calendar command {} ({}) on slot {} of tenant {}: {}",
                    command.commandId(),
                    ContractTypes.typeName(command),
                    command.slotId(),
                    command.tenant(),
                    outcome);
        }
    }

    private void publishResult(CalendarCommand command, CalendarCommandResult result, boolean recordInLedger) {
        transactions.executeWithoutResult(status -> {
            if (recordInLedger) {
                ledger.record(command, result, now());
            }
            outbox.append(Topics.CALENDAR_COMMAND_RESULTS, result);
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
