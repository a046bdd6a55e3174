package io.slotbridge.followup.kafka;

import io.slotbridge.contracts.meeting.MeetingEvent;
import io.slotbridge.followup.app.MeetingEventHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code meeting.events.v1} → scenario B starts, booked meetings stop runs. */
@Component
public class MeetingEventsListener {

    private final MeetingEventHandler handler;

    public MeetingEventsListener(MeetingEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(
            id = "followup.meeting-events",
            groupId = "${slotbridge.followup.consumer-group:followup}",
            topics = "#{T(io.slotbridge.contracts.Topics).MEETING_EVENTS.name()}")
    public void on(MeetingEvent event) {
        handler.on(event);
    }
}
