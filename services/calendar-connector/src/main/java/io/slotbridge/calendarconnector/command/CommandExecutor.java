package io.slotbridge.calendarconnector.command;

import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient;
import io.slotbridge.calendarconnector.slot.CalendarLocks;
import io.slotbridge.calendarconnector.sync.SlotSnapshotPublisher;
import io.slotbridge.calendarconnector.sync.SlotStateRepository;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.calendar.CalendarCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private final TenantDirectory tenants;
    private final GoogleCalendarClient google;
    private final SlotStateRepository slotStates;
    private final SlotSnapshotPublisher snapshots;
    private final CommandAnswers answers;
    private final CalendarLocks locks;
    private final Clock clock;

    public CommandExecutor(
            TenantDirectory tenants,
            GoogleCalendarClient google,
            SlotStateRepository slotStates,
            SlotSnapshotPublisher snapshots,
            CommandAnswers answers,
            CalendarLocks locks,
            Clock clock) {
        this.tenants = tenants;
        this.google = google;
        this.slotStates = slotStates;
        this.snapshots = snapshots;
        this.answers = answers;
        this.locks = locks;
        this.clock = clock;
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
            var previous = answers.previous(command.commandId());
            if (previous.isPresent()) {
                answers.repeat(command, previous.get());
                continue;
            }
            String problem = CommandValidation.problemWith(command, tenants.get(tenant));
            if (problem != null) {
                answers.answer(
                        command, CommandResults.rejected(command, RejectionCode.INVALID, problem, false, null, now()));
                continue;
            }
            open.put(command.commandId(), command);
        }
        new CommandRound(
                        tenant,
                        calendarId,
                        tenants.get(tenant).timeZone(),
                        open,
                        google,
                        slotStates,
                        snapshots,
                        answers,
                        clock)
                .run();
        return later;
    }

    private Instant now() {
        return clock.instant();
    }
}
