package io.slotbridge.calendarconnector.sync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** Which notifications trigger a sync: known channels only, one sync per calendar per batch. */
class NotificationListenerTest {

    private final WatchChannels channels = mock(WatchChannels.class);
    private final CalendarSync sync = mock(CalendarSync.class);
    private final TenantDirectory tenants = new TenantDirectory(
            "https://gateway.example.test",
            Map.of(
                    "demo",
                    new TenantSettings(
                            "Demo",
                            ZoneId.of("Europe/Moscow"),
                            null,
                            new TenantSettings.Calendar("google", "cal", null, "s", null, null, null))));
    private final NotificationListener listener = new NotificationListener(channels, sync, tenants);

    @Test
    void many_notifications_of_one_calendar_run_one_sync() {
        when(channels.calendarOf("demo", "ch-1")).thenReturn(Optional.of("cal"));

        listener.on(records(
                notification("demo", "ch-1", 1), notification("demo", "ch-1", 2), notification("demo", "ch-1", 3)));

        verify(sync, times(1)).run(anyString(), anyString());
    }

    @Test
    void notifications_of_unknown_channels_and_unknown_tenants_are_ignored() {
        when(channels.calendarOf(anyString(), anyString())).thenReturn(Optional.empty());

        listener.on(records(notification("demo", "stopped-channel", 1), notification("ghost", "ch-9", 1)));

        verify(sync, never()).run(any(), any());
    }

    @Test
    void an_unreadable_record_is_handed_to_the_dead_letter_handler_after_the_readable_ones_ran() {
        when(channels.calendarOf("demo", "ch-1")).thenReturn(Optional.of("cal"));
        List<ConsumerRecord<String, Envelope>> batch = new ArrayList<>(records(notification("demo", "ch-1", 1)));
        batch.add(new ConsumerRecord<>(Topics.CALENDAR_NOTIFICATIONS.name(), 0, 7, "demo:x", null));

        assertThatThrownBy(() -> listener.on(batch))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.getIndex())
                                .isEqualTo(1));
        verify(sync, times(1)).run(anyString(), anyString());
    }

    private static List<ConsumerRecord<String, Envelope>> records(CalendarChangeNotified... notifications) {
        List<ConsumerRecord<String, Envelope>> records = new ArrayList<>();
        long offset = 0;
        for (CalendarChangeNotified n : notifications) {
            records.add(new ConsumerRecord<>(Topics.CALENDAR_NOTIFICATIONS.name(), 0, offset++, n.kafkaKey(), n));
        }
        return records;
    }

    private static CalendarChangeNotified notification(String tenant, String channel, long number) {
        return new CalendarChangeNotified(
                "n-" + channel + "-" + number,
                tenant,
                Instant.now(),
                channel,
                "res",
                "exists",
                number,
                null,
                null,
                null);
    }
}
