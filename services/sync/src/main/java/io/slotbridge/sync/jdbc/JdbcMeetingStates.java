package io.slotbridge.sync.jdbc;

import io.slotbridge.sync.app.DecisionEntry;
import io.slotbridge.sync.app.MeetingStates;
import io.slotbridge.sync.domain.Meeting;
import io.slotbridge.sync.domain.MeetingState;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Meeting states in PostgreSQL (schema {@code sync}). */
public class JdbcMeetingStates implements MeetingStates {

    private final JdbcTemplate jdbc;

    public JdbcMeetingStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MeetingState> lock(String tenant, String leadId) {
        // An advisory lock also covers a lead without a row yet (two first inputs arriving on two topics at once).
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", tenant + ":" + leadId);
        return find(tenant, leadId);
    }

    @Override
    public Optional<MeetingState> find(String tenant, String leadId) {
        return jdbc
                .query(
                        "select state::text from lead_state where tenant = ? and lead_id = ?",
                        (rs, i) -> StateJson.read(rs.getString(1)),
                        tenant,
                        leadId)
                .stream()
                .findFirst();
    }

    @Override
    public void save(MeetingState state) {
        jdbc.update(
                """
                insert into lead_state (tenant, lead_id, state, summary) values (?, ?, ?::jsonb, ?)
                on conflict (tenant, lead_id) do update
                   set state = excluded.state, summary = excluded.summary,
                       revision = lead_state.revision + 1, updated_at = now()
                """,
                state.tenant(),
                state.leadId(),
                StateJson.write(state),
                state.summary());
        for (Meeting meeting : state.meetings()) {
            jdbc.update(
                    """
                    insert into slot_link (tenant, slot_id, lead_id, meeting_number, status, color_id, start_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (tenant, slot_id) do update
                       set status = excluded.status, color_id = excluded.color_id, start_at = excluded.start_at,
                           updated_at = now()
                     where (slot_link.status, slot_link.color_id, slot_link.start_at)
                           is distinct from (excluded.status, excluded.color_id, excluded.start_at)
                    """,
                    state.tenant(),
                    meeting.slotId(),
                    state.leadId(),
                    meeting.number(),
                    meeting.status().name(),
                    meeting.observed().colorId(),
                    meeting.start() == null ? null : Timestamp.from(meeting.start()));
        }
    }

    @Override
    public void append(DecisionEntry entry) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    """
                    insert into decision_log (tenant, lead_id, decided_at, input_type, input_id, outcome, rules,
                                              command_types, command_ids, event_types, state_after)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """);
            statement.setString(1, entry.tenant());
            statement.setString(2, entry.leadId());
            statement.setTimestamp(3, Timestamp.from(entry.decidedAt()));
            statement.setString(4, entry.inputType());
            statement.setString(5, entry.inputId());
            statement.setString(6, entry.outcome());
            statement.setArray(7, connection.createArrayOf("text", entry.rules().toArray()));
            statement.setArray(
                    8, connection.createArrayOf("text", entry.commandTypes().toArray()));
            statement.setArray(
                    9, connection.createArrayOf("text", entry.commandIds().toArray()));
            statement.setArray(
                    10, connection.createArrayOf("text", entry.eventTypes().toArray()));
            statement.setString(11, entry.stateAfter());
            return statement;
        });
    }

    @Override
    public List<DecisionEntry> history(String tenant, String leadId, int limit) {
        return jdbc.query(
                """
                select tenant, lead_id, decided_at, input_type, input_id, outcome, rules, command_types, command_ids,
                       event_types, state_after
                  from decision_log where tenant = ? and lead_id = ? order by id desc limit ?
                """,
                (rs, i) -> new DecisionEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        texts(rs, 7),
                        texts(rs, 8),
                        texts(rs, 9),
                        texts(rs, 10),
                        rs.getString(11)),
                tenant,
                leadId,
                limit);
    }

    private static List<String> texts(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
