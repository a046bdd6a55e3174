package io.slotbridge.calendarconnector.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers commands on {@code calendar.command-results.v1}: the final answer goes into the ledger and the outbox in one
 * transaction, so a command is answered once and a redelivery gets the same answer again.
 */
public class CommandAnswers {

    private static final Logger log = LoggerFactory.getLogger(CommandAnswers.class);

    private final CommandLedger ledger;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public CommandAnswers(
            CommandLedger ledger,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** The answer given to this command id before, if any. */
    Optional<CalendarCommandResult> previous(String commandId) {
        return ledger.answerTo(commandId);
    }

    /** Sends the earlier answer again (same event id, consumers dedupe it). */
    void repeat(CalendarCommand command, CalendarCommandResult previous) {
        log.info("calendar command {} was handled before, answering again", command.commandId());
        publish(command, previous, false);
    }

    /** Records the answer in the ledger (when final) and appends it to the outbox in one transaction. */
    void answer(CalendarCommand command, CalendarCommandResult result) {
        publish(command, result, CommandResults.isFinal(result));
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

    private void publish(CalendarCommand command, CalendarCommandResult result, boolean recordInLedger) {
        transactions.executeWithoutResult(status -> {
            if (recordInLedger) {
                ledger.record(command, result, clock.instant());
            }
            outbox.append(Topics.CALENDAR_COMMAND_RESULTS, result);
        });
    }
}
