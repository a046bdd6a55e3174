package io.slotbridge.console.projection.app;

import io.slotbridge.console.projection.domain.Description;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Appends timeline lines (lead-scoped records) and signals (webhooks, pushes, WhatsApp) once per record id. */
@Component
class TimelineWriter {

    private final JdbcTemplate jdbc;

    TimelineWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when the record was projected before (a redelivery or a replay). */
    boolean appendLeadLine(ProjectedRecord record, String leadId, Description line) {
        jdbc.update(
                "insert into lead (tenant, lead_id, updated_at) values (?, ?, ?) on conflict do nothing",
                record.tenant(),
                leadId,
                Timestamp.from(record.occurredAt()));
        return jdbc.update(
                        """
                        insert into timeline_entry (tenant, lead_id, topic, message_id, record_type, occurred_at,
                            title, detail, outcome, causation_id, raw_event_id, command_id, message_ref, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (topic, message_id) do nothing
                        """,
                        record.tenant(),
                        leadId,
                        record.topic(),
                        record.messageId(),
                        record.type(),
                        Timestamp.from(record.occurredAt()),
                        line.title(),
                        line.detail(),
                        line.outcome(),
                        line.causationId(),
                        line.rawEventId(),
                        line.commandId(),
                        line.messageRef(),
                        record.maskedJson())
                == 1;
    }

    boolean appendSignal(ProjectedRecord record, String kind, String source, String chatId, Description line) {
        return jdbc.update(
                        """
                        insert into signal (event_id, tenant, kind, source, topic, record_type, occurred_at, title,
                            detail, outcome, raw_event_id, chat_id, message_ref, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id) do nothing
                        """,
                        record.messageId(),
                        record.tenant(),
                        kind,
                        source,
                        record.topic(),
                        record.type(),
                        Timestamp.from(record.occurredAt()),
                        line.title(),
                        line.detail(),
                        line.outcome(),
                        line.rawEventId(),
                        chatId,
                        line.messageRef(),
                        record.maskedJson())
                == 1;
    }
}
