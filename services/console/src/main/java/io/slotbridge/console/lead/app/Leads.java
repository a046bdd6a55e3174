package io.slotbridge.console.lead.app;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds leads by id, name or phone, and reads a lead's timeline. */
@Component
public class Leads {

    private static final int TIMELINE_LIMIT = 2000;

    private static final String TIMELINE =
            """
            with entries as (
                select * from timeline_entry where tenant = ? and lead_id = ?
            ), phone as (
                select phone from lead where tenant = ? and lead_id = ? and phone is not null
            ), linked as (
                select * from signal s where s.tenant = ? and (
                    s.event_id in (select causation_id from entries where causation_id is not null)
                    or s.event_id in (select raw_event_id from entries where raw_event_id is not null)
                    or s.chat_id in (select phone from phone)
                    or s.message_ref in (select message_ref from entries where message_ref is not null))
            ), raw as (
                select * from signal s where s.tenant = ?
                    and s.event_id in (select raw_event_id from linked where raw_event_id is not null)
            )
            select * from (
                select id as seq, occurred_at, topic, record_type, title, detail, outcome, message_id,
                    causation_id, raw_event_id, command_id, payload from entries
                union
                select 0, occurred_at, topic, record_type, title, detail, outcome, event_id, null, raw_event_id,
                    null, payload from linked
                union
                select 0, occurred_at, topic, record_type, title, detail, outcome, event_id, null, raw_event_id,
                    null, payload from raw
            ) timeline
            order by occurred_at, seq
            limit ?
            """;

    private final JdbcTemplate jdbc;

    public Leads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Leads whose id equals, or whose name or contact contains, the query; phones match on digits. */
    public List<Lead> search(String tenant, String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return jdbc.query(
                    "select * from lead where tenant = ? order by updated_at desc limit 25", Leads::map, tenant);
        }
        String digits = text.replaceAll("\\D", "");
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query(
                """
                select * from lead where tenant = ? and (lead_id = ? or lower(name) like ? or lower(contact_name) like ?
                    or (length(?) >= 4 and phone like '%' || ? || '%'))
                order by (lead_id = ?) desc, updated_at desc limit 50
                """,
                Leads::map, tenant, text, like, like, digits, digits, text);
    }

    public Optional<Lead> get(String tenant, String leadId) {
        return jdbc.query("select * from lead where tenant = ? and lead_id = ?", Leads::map, tenant, leadId).stream()
                .findFirst();
    }

    public List<TimelineItem> timeline(String tenant, String leadId) {
        return jdbc.query(
                TIMELINE,
                (rs, i) -> new TimelineItem(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("topic"),
                        rs.getString("record_type"),
                        rs.getString("title"),
                        rs.getString("detail"),
                        rs.getString("outcome"),
                        rs.getString("message_id"),
                        rs.getString("causation_id"),
                        rs.getString("raw_event_id"),
                        rs.getString("command_id"),
                        rs.getString("payload")),
                tenant,
                leadId,
                tenant,
                leadId,
                tenant,
                tenant,
                TIMELINE_LIMIT);
    }

    private static Lead map(ResultSet rs, int row) throws SQLException {
        return new Lead(
                rs.getString("tenant"),
                rs.getString("lead_id"),
                rs.getString("name"),
                rs.getString("contact_name"),
                rs.getString("phone"),
                rs.getString("pipeline"),
                rs.getString("stage"),
                rs.getString("responsible"),
                rs.getString("card_url"),
                rs.getBoolean("deleted"),
                rs.getTimestamp("updated_at").toInstant());
    }

    public record Lead(
            String tenant,
            String leadId,
            String name,
            String contactName,
            String phone,
            String pipeline,
            String stage,
            String responsible,
            String cardUrl,
            boolean deleted,
            Instant updatedAt) {}

    /**
     * One line of a lead's timeline; {@code messageId} is the record's own id, the other ids point at records that
     * caused it or that it answers.
     */
    public record TimelineItem(
            Instant at,
            String topic,
            String type,
            String title,
            String detail,
            String outcome,
            String messageId,
            String causationId,
            String rawEventId,
            String commandId,
            String payload) {

        /** The HTML anchor of this line, so lines can link to what caused them. */
        public String anchor() {
            return anchor(messageId);
        }

        public String causationAnchor() {
            return anchor(causationId);
        }

        public String rawEventAnchor() {
            return anchor(rawEventId);
        }

        public String commandAnchor() {
            return anchor(commandId);
        }

        static String anchor(String id) {
            return id == null ? null : "m-" + id.replaceAll("[^A-Za-z0-9_-]", "_");
        }

        /** A command result's or echo's command differs from its own id; a command's own line does not link itself. */
        public boolean answersCommand() {
            return commandId != null && !commandId.equals(messageId);
        }
    }
}
