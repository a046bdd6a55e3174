package io.slotbridge.calendarconnector.command;

import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.calendarconnector.kafka.ReadableBatch;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.platform.kafka.PoisonMessageException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code calendar.commands.v1} in batches, so commands pending for one calendar can go to Google together.
 * A record that is not a readable command of a known tenant goes to {@code calendar.commands.v1-dlt}.
 */
public class CommandListener {

    private final CommandExecutor executor;
    private final TenantDirectory tenants;

    public CommandListener(CommandExecutor executor, TenantDirectory tenants) {
        this.executor = executor;
        this.tenants = tenants;
    }

    @KafkaListener(
            id = "calendar-connector.commands",
            groupId = "${slotbridge.calendar-connector.consumer-group:calendar-connector}",
            topics = "#{T(io.slotbridge.contracts.Topics).CALENDAR_COMMANDS.name()}",
            batch = "true",
            properties = "max.poll.records:${slotbridge.calendar-connector.commands.max-poll-records:50}")
    public void on(List<ConsumerRecord<String, Envelope>> records) {
        ReadableBatch<CalendarCommand> batch = ReadableBatch.of(records, this::command);
        executor.execute(batch.readable());
        batch.rejectPoison();
    }

    private CalendarCommand command(ConsumerRecord<String, Envelope> record) {
        if (!(record.value() instanceof CalendarCommand command)) {
            throw new PoisonMessageException(
                    "not a calendar command: " + record.value().getClass().getSimpleName());
        }
        if (tenants.find(command.tenant())
                .filter(TenantSettings::hasGoogleCalendar)
                .isEmpty()) {
            throw new PoisonMessageException("calendar command " + command.commandId() + " names tenant '"
                    + command.tenant() + "', which has no Google calendar in the tenants file");
        }
        return command;
    }
}
