package io.slotbridge.calendarconnector.sync;

import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.google.GoogleFailure;
import io.slotbridge.calendarconnector.kafka.ReadableBatch;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.platform.kafka.PoisonMessageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Turns Google's "something changed" notifications into incremental syncs. Notifications arrive in batches; each
 * calendar is synced once per batch however many notifications it got (coalescing), and the offsets are committed
 * only after the sync finished. A notification on a channel we do not know (stopped, another deployment's, forged
 * past the gateway) is ignored with a log line.
 */
public class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final WatchChannels channels;
    private final CalendarSync sync;
    private final TenantDirectory tenants;

    public NotificationListener(WatchChannels channels, CalendarSync sync, TenantDirectory tenants) {
        this.channels = channels;
        this.sync = sync;
        this.tenants = tenants;
    }

    @KafkaListener(
            id = "calendar-connector.notifications",
            groupId = "${slotbridge.calendar-connector.consumer-group:calendar-connector}",
            topics = "#{T(io.slotbridge.contracts.Topics).CALENDAR_NOTIFICATIONS.name()}",
            batch = "true")
    public void on(List<ConsumerRecord<String, Envelope>> records) {
        ReadableBatch<CalendarChangeNotified> batch = ReadableBatch.of(records, NotificationListener::notification);
        Map<String, String> calendarsToSync = new LinkedHashMap<>();
        for (CalendarChangeNotified notification : batch.readable()) {
            if (tenants.find(notification.tenant())
                    .filter(t -> t.hasGoogleCalendar())
                    .isEmpty()) {
                log.warn(
                        "ignoring calendar notification {} for unknown tenant {}",
                        notification.eventId(),
                        notification.tenant());
                continue;
            }
            if (channels.calendarOf(notification.tenant(), notification.channelId())
                    .isEmpty()) {
                log.info(
                        "ignoring calendar notification {} of tenant {}: channel {} is unknown or stale",
                        notification.eventId(),
                        notification.tenant(),
                        notification.channelId());
                continue;
            }
            calendarsToSync.put(notification.tenant(), notification.eventId());
        }
        calendarsToSync.forEach(this::syncQuietly);
        batch.rejectPoison();
    }

    /** A failed Google call is logged and left to the next notification or the sweep; Kafka failures propagate. */
    private void syncQuietly(String tenant, String causationId) {
        try {
            sync.run(tenant, causationId);
        } catch (GoogleFailure e) {
            log.warn(
                    "sync of tenant {} after notification {} failed, the sweep will catch up: {}",
                    tenant,
                    causationId,
                    e.getMessage());
        }
    }

    private static CalendarChangeNotified notification(ConsumerRecord<String, Envelope> record) {
        if (record.value() instanceof CalendarChangeNotified notification) {
            return notification;
        }
        throw new PoisonMessageException(
                "not a calendar notification: " + record.value().getClass().getSimpleName());
    }
}
