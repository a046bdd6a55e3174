package io.slotbridge.platform.test;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.platform.kafka.PoisonMessageException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/** A minimal service that uses the platform exactly like the real ones do. */
@SpringBootApplication
public class PlatformItApplication {

    @Bean
    Received received() {
        return new Received();
    }

    static class Received {
        final List<Envelope> records = new CopyOnWriteArrayList<>();
    }

    @Bean
    LeadEventsListener leadEventsListener(Received received) {
        return new LeadEventsListener(received);
    }

    static class LeadEventsListener {
        private final Received received;

        LeadEventsListener(Received received) {
            this.received = received;
        }

        @KafkaListener(id = "platform-it.lead-events", topics = "crm.lead-events.v1")
        void on(Envelope record) {
            if (record instanceof LeadSnapshotted s && "poison".equals(s.name())) {
                throw new PoisonMessageException("lead name 'poison' can never be processed");
            }
            received.records.add(record);
        }
    }
}
