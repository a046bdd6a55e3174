package io.slotbridge.console.projection.app;

import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the searchable lead row at the newest snapshot version. */
@Component
class LeadWriter {

    private final JdbcTemplate jdbc;

    LeadWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void snapshot(LeadSnapshotted s) {
        jdbc.update(
                """
                insert into lead (tenant, lead_id, name, contact_name, phone, pipeline, stage, responsible, card_url,
                    snapshot_version, deleted, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)
                on conflict (tenant, lead_id) do update set
                    name = excluded.name, contact_name = excluded.contact_name, phone = excluded.phone,
                    pipeline = excluded.pipeline, stage = excluded.stage, responsible = excluded.responsible,
                    card_url = excluded.card_url, snapshot_version = excluded.snapshot_version, deleted = false,
                    updated_at = excluded.updated_at
                where lead.snapshot_version <= excluded.snapshot_version
                """,
                s.tenant(),
                s.leadId(),
                s.name(),
                s.contact() == null ? null : s.contact().name(),
                s.contact() == null ? null : digits(s.contact().phone()),
                s.pipeline(),
                s.stage(),
                s.responsible() == null ? null : s.responsible().name(),
                s.cardUrl(),
                s.version(),
                Timestamp.from(s.occurredAt()));
    }

    void deleted(LeadDeleted d) {
        jdbc.update(
                "update lead set deleted = true, updated_at = ? where tenant = ? and lead_id = ?",
                Timestamp.from(d.occurredAt()),
                d.tenant(),
                d.leadId());
    }

    /** Phones are stored and searched as digits only ({@code 79031234567}). */
    static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }
}
