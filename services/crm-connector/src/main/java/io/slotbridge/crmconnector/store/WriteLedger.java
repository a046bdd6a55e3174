package io.slotbridge.crmconnector.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.crmconnector.domain.EchoDetector;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every write we make to a CRM, by command id: PENDING before the API call, APPLIED with what it created after. A
 * command id found APPLIED is never sent again; unsettled APPLIED writes are what the echo detector compares fresh
 * snapshots with.
 */
public class WriteLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<HashMap<String, String>> EXPECTED = new TypeReference<>() {};

    private final JdbcTemplate jdbc;

    public WriteLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public enum Status {
        PENDING,
        APPLIED
    }

    public record Entry(String commandId, Status status, String createdEntityId) {}

    public Map<String, Entry> find(Collection<String> commandIds) {
        Map<String, Entry> found = new HashMap<>();
        if (commandIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                "select command_id, status, created_entity_id from write_ledger where command_id = any (?)",
                rs -> {
                    found.put(
                            rs.getString(1),
                            new Entry(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getString(3)));
                },
                (Object) commandIds.toArray(String[]::new));
        return found;
    }

    /** Records the intent before the API call (idempotent). */
    public void pending(
            String commandId, String tenant, String leadId, String commandType, Map<String, String> expected) {
        jdbc.update(
                "insert into write_ledger (command_id, tenant, lead_id, command_type, status, expected)"
                        + " values (?, ?, ?, ?, 'PENDING', ?) on conflict (command_id) do nothing",
                commandId,
                tenant,
                leadId,
                commandType,
                expected == null ? null : write(expected));
    }

    public void applied(String commandId, String createdEntityId, Instant now) {
        jdbc.update(
                "update write_ledger set status = 'APPLIED', created_entity_id = ?, applied_at = ? where command_id = ?",
                createdEntityId,
                Timestamp.from(now),
                commandId);
    }

    /** Forgets a pending intent whose command was rejected, so a later redelivery is judged afresh. */
    public void forget(String commandId) {
        jdbc.update("delete from write_ledger where command_id = ? and status = 'PENDING'", commandId);
    }

    /** Our applied lead writes not yet seen in a snapshot, oldest first, applied after {@code since}. */
    public List<EchoDetector.OurWrite> unsettled(String tenant, String leadId, Instant since) {
        return jdbc.query(
                "select command_id, expected from write_ledger where tenant = ? and lead_id = ? and status = 'APPLIED'"
                        + " and not settled and expected is not null and applied_at >= ? order by seq",
                (rs, i) -> new EchoDetector.OurWrite(rs.getString(1), read(rs.getString(2))),
                tenant,
                leadId,
                Timestamp.from(since));
    }

    public void settle(Collection<String> commandIds) {
        if (!commandIds.isEmpty()) {
            jdbc.update("update write_ledger set settled = true where command_id = any (?)", (Object)
                    commandIds.toArray(String[]::new));
        }
    }

    /** The command of ours that created a note or task, if any. */
    public Optional<String> commandThatCreated(String tenant, String entityId) {
        return jdbc
                .query(
                        "select command_id from write_ledger where tenant = ? and created_entity_id = ?",
                        (rs, i) -> rs.getString(1),
                        tenant,
                        entityId)
                .stream()
                .findFirst();
    }

    private static String write(Map<String, String> expected) {
        try {
            return JSON.writeValueAsString(expected);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, EXPECTED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("corrupt write ledger entry", e);
        }
    }
}
