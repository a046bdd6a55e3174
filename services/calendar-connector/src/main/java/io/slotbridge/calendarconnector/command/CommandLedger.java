package io.slotbridge.calendarconnector.command;

import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code command_ledger} table: each command id handled once, with the answer we gave. */
public class CommandLedger {

    private final JdbcTemplate jdbc;

    public CommandLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CalendarCommandResult> answerTo(String commandId) {
        return jdbc
                .query("select result from command_ledger where command_id = ?", (rs, i) -> rs.getString(1), commandId)
                .stream()
                .findFirst()
                .map(json -> ContractJson.fromJson(json, CalendarCommandResult.class));
    }

    /** False when another delivery of the same command recorded its answer first. */
    public boolean record(CalendarCommand command, CalendarCommandResult result, Instant now) {
        return jdbc.update(
                        """
                        insert into command_ledger (command_id, tenant, command_type, slot_id, result, handled_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (command_id) do nothing
                        """,
                        command.commandId(),
                        command.tenant(),
                        result.commandType(),
                        command.slotId(),
                        ContractJson.toJson(result),
                        Timestamp.from(now))
                == 1;
    }
}
