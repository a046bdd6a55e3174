package io.slotbridge.console.projection.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.console.deadletter.app.DeadLetterIntake;
import io.slotbridge.console.projection.domain.Description;
import io.slotbridge.console.projection.domain.RecordDescriptions;
import io.slotbridge.console.tenant.Tenants;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.LeadScoped;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.followup.FollowUpEvent;
import io.slotbridge.contracts.ingress.RawWebhookReceived;
import io.slotbridge.contracts.meeting.MeetingEvent;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.contracts.messaging.WhatsAppStatusUpdated;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects what the console reads from Kafka into its PostgreSQL schema: one transaction per poll, every write
 * idempotent, so a redelivered batch changes nothing. A record the console cannot read is logged and counted, never
 * dead-lettered: the console only watches, the services that own the topics dead-letter their own input.
 */
@Component
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final TransactionTemplate transactions;
    private final Tenants tenants;
    private final TimelineWriter timeline;
    private final LeadWriter leads;
    private final MeetingSlotWriter meetings;
    private final FollowUpRunWriter followUps;
    private final ConnectionStatusWriter connections;
    private final DeadLetterIntake deadLetters;
    private final MeterRegistry meters;

    Projector(
            TransactionTemplate transactions,
            Tenants tenants,
            TimelineWriter timeline,
            LeadWriter leads,
            MeetingSlotWriter meetings,
            FollowUpRunWriter followUps,
            ConnectionStatusWriter connections,
            DeadLetterIntake deadLetters,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.timeline = timeline;
        this.leads = leads;
        this.meetings = meetings;
        this.followUps = followUps;
        this.connections = connections;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /**
     * Projects a poll's worth of records. A database outage is rethrown (the container retries the batch until the
     * database is back); any other failure is narrowed down to the one record that causes it, which is skipped with
     * an error log so it cannot block the partition.
     */
    public void project(List<ConsumerRecord<byte[], byte[]>> batch) {
        try {
            transactions.executeWithoutResult(status -> batch.forEach(this::projectOne));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            batch.forEach(this::projectAlone);
        }
    }

    private void projectAlone(ConsumerRecord<byte[], byte[]> record) {
        try {
            transactions.executeWithoutResult(status -> projectOne(record));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            log.error(
                    "console skips {}-{}@{}: it cannot be projected ({})",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            meters.counter("slotbridge.console.records.skipped", "topic", record.topic())
                    .increment();
        }
    }

    private void projectOne(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().endsWith(TopicSpec.DLT_SUFFIX)) {
            deadLetters.intake(record);
            return;
        }
        read(record).ifPresent(envelope -> apply(new ProjectedRecord(record.topic(), envelope)));
    }

    private Optional<Envelope> read(ConsumerRecord<byte[], byte[]> record) {
        Optional<TopicSpec<?>> spec = Topics.byName(record.topic());
        if (spec.isEmpty() || record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ContractJson.fromBytes(record.value(), spec.get().valueType()));
        } catch (RuntimeException e) {
            // The owning service dead-letters it; the console shows it from the -dlt topic.
            log.warn(
                    "console cannot read {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            meters.counter("slotbridge.console.records.unreadable", "topic", record.topic())
                    .increment();
            return Optional.empty();
        }
    }

    void apply(ProjectedRecord projected) {
        Envelope record = projected.record();
        Description line = new RecordDescriptions(tenants.zone(record.tenant())).describe(record);
        boolean fresh = leadOf(record)
                .map(leadId -> projectLeadRecord(projected, leadId, line))
                .orElseGet(() -> projectSignal(projected, line));
        if (fresh) {
            meters.counter("slotbridge.console.records.projected", "topic", projected.topic())
                    .increment();
        }
    }

    private boolean projectLeadRecord(ProjectedRecord projected, String leadId, Description line) {
        if (!timeline.appendLeadLine(projected, leadId, line)) {
            return false;
        }
        Envelope record = projected.record();
        if (record instanceof LeadSnapshotted snapshot) {
            leads.snapshot(snapshot);
        } else if (record instanceof LeadDeleted deleted) {
            leads.deleted(deleted);
        } else if (record instanceof SlotSnapshotted slot) {
            meetings.snapshot(slot);
        } else if (record instanceof MeetingEvent meeting) {
            meetings.meeting(meeting);
        } else if (record instanceof FollowUpEvent followUp) {
            followUps.on(followUp);
        } else if (record instanceof CrmCommandResult result) {
            countResult(result.tenant(), "crm", !(result instanceof CrmCommandRejected));
        } else if (record instanceof CalendarCommandResult result) {
            countResult(
                    result.tenant(),
                    "calendar",
                    result instanceof io.slotbridge.contracts.calendar.CalendarCommandApplied);
        }
        return true;
    }

    private boolean projectSignal(ProjectedRecord projected, Description line) {
        Envelope record = projected.record();
        if (record instanceof RawWebhookReceived webhook) {
            String source = webhook.source().name().toLowerCase(Locale.ROOT);
            boolean fresh = timeline.appendSignal(projected, "webhook", source, null, line);
            if (fresh) {
                meters.counter("slotbridge.console.webhooks.received", "tenant", webhook.tenant(), "source", source)
                        .increment();
            }
            return fresh;
        } else if (record instanceof CalendarChangeNotified) {
            return timeline.appendSignal(projected, "calendar-push", "google", null, line);
        } else if (record instanceof WhatsAppMessageReceived message) {
            return timeline.appendSignal(
                    projected, "whatsapp-message", message.provider(), LeadWriter.digits(message.chatId()), line);
        } else if (record instanceof WhatsAppStatusUpdated status) {
            return timeline.appendSignal(projected, "whatsapp-status", status.provider(), null, line);
        } else if (record instanceof ConnectionStatusReported report) {
            connections.report(report);
            return true;
        }
        return false;
    }

    private void countResult(String tenant, String api, boolean applied) {
        meters.counter(
                        "slotbridge.console.command.results",
                        "tenant",
                        tenant,
                        "api",
                        api,
                        "outcome",
                        applied ? "applied" : "rejected")
                .increment();
    }

    private static Optional<String> leadOf(Envelope record) {
        if (record instanceof LeadScoped scoped) {
            return Optional.of(scoped.leadId());
        }
        if (record instanceof CrmCommand command) {
            return Optional.of(command.leadId());
        }
        return Optional.empty();
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransactionException) {
                return true;
            }
            if (t instanceof DataAccessException) {
                return false;
            }
        }
        return false;
    }
}
