package io.slotbridge.crmconnector.store;

import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The last snapshot published per lead (and whether the lead was deleted), read under a row lock. */
public class LeadStateStore {

    private final JdbcTemplate jdbc;

    public LeadStateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record LeadState(String fingerprint, long version, LeadSnapshotted snapshot, boolean deleted) {}

    /** Locks the lead's row (creating an empty one first) until the caller's transaction ends. */
    public Optional<LeadState> lock(String tenant, String leadId) {
        jdbc.update("insert into lead_state (tenant, lead_id) values (?, ?) on conflict do nothing", tenant, leadId);
        List<LeadState> rows = jdbc.query(
                "select fingerprint, version, snapshot, deleted from lead_state where tenant = ? and lead_id = ? for update",
                (rs, i) -> new LeadState(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3) == null ? null : ContractJson.fromJson(rs.getString(3), LeadSnapshotted.class),
                        rs.getBoolean(4)),
                tenant,
                leadId);
        return rows.stream().filter(r -> r.fingerprint() != null || r.deleted()).findFirst();
    }

    public void published(String tenant, String leadId, String fingerprint, LeadSnapshotted snapshot, Instant now) {
        jdbc.update(
                "update lead_state set fingerprint = ?, version = ?, snapshot = ?, deleted = false, published_at = ?"
                        + " where tenant = ? and lead_id = ?",
                fingerprint,
                snapshot.version(),
                ContractJson.toJson(snapshot),
                Timestamp.from(now),
                tenant,
                leadId);
    }

    public void deleted(String tenant, String leadId, Instant now) {
        jdbc.update(
                "update lead_state set deleted = true, fingerprint = null, published_at = ? where tenant = ? and lead_id = ?",
                Timestamp.from(now),
                tenant,
                leadId);
    }
}
