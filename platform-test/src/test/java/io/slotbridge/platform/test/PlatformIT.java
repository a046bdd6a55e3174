package io.slotbridge.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.meeting.MeetingHeld;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import io.slotbridge.platform.outbox.InboxDeduplicator;
import io.slotbridge.platform.outbox.OutboxRelay;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = "spring.config.name=platform-it")
@EmbeddedInfra
class PlatformIT {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    InboxDeduplicator inbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformItApplication.Received received;

    @Autowired
    KafkaProperties kafkaProperties;

    private final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void committed_outbox_records_reach_kafka_with_cloudevents_headers_and_leave_the_outbox() {
        String id = "held-" + UUID.randomUUID();
        MeetingHeld held = new MeetingHeld(id, "demo", "77", ContractSamples.T0, 1, "slot-77", null);

        tx.executeWithoutResult(s -> outbox.append(Topics.MEETING_EVENTS, held));

        var records = kafka.read(Topics.MEETING_EVENTS.name(), Duration.ofSeconds(20), seen -> seen.stream()
                .anyMatch(r -> id.equals(KafkaProbe.header(r, CloudEvents.ID))));
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> id.equals(KafkaProbe.header(r, CloudEvents.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(record.key()).isEqualTo("demo:77");
        assertThat(KafkaProbe.header(record, CloudEvents.TYPE)).isEqualTo("meeting.held");
        assertThat(KafkaProbe.header(record, CloudEvents.SOURCE)).isEqualTo("/slotbridge/platform-it");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"eventId\":\"" + id + "\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.backlog() == 0);
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        String id = "rolled-back-" + UUID.randomUUID();
        MeetingHeld held = new MeetingHeld(id, "demo", "78", ContractSamples.T0, 1, "slot-78", null);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    outbox.append(Topics.MEETING_EVENTS, held);
                    throw new IllegalStateException("decision failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        relay.relayOnce();

        var records = kafka.read(Topics.MEETING_EVENTS.name(), Duration.ofSeconds(3), seen -> false);
        assertThat(records).noneMatch(r -> id.equals(KafkaProbe.header(r, CloudEvents.ID)));
        assertThat(jdbc.queryForObject("select count(*) from outbox where message_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void a_row_committed_with_a_lower_id_while_a_batch_is_in_flight_stays_for_the_next_round() throws Exception {
        String early = "early-" + UUID.randomUUID();
        String late = "late-" + UUID.randomUUID();
        CountDownLatch earlyAppended = new CountDownLatch(1);
        CountDownLatch sending = new CountDownLatch(1);
        // the early transaction takes the lower id, then commits only while the relay waits for Kafka's ack
        Thread earlyTransaction = new Thread(() -> tx.executeWithoutResult(s -> {
            outbox.append(
                    Topics.MEETING_EVENTS, new MeetingHeld(early, "demo", "81", ContractSamples.T0, 1, "s", null));
            earlyAppended.countDown();
            awaitLatch(sending);
        }));
        relay.stop(); // this test's relay is the only one
        try {
            earlyTransaction.start();
            awaitLatch(earlyAppended);
            tx.executeWithoutResult(s -> outbox.append(
                    Topics.MEETING_EVENTS, new MeetingHeld(late, "demo", "82", ContractSamples.T0, 1, "s", null)));
            OutboxRelay inFlight = new OutboxRelay(
                    jdbc,
                    tx,
                    new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(
                            kafkaProperties.buildProducerProperties(null),
                            new StringSerializer(),
                            new ByteArraySerializer())) {
                        @Override
                        public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> r) {
                            sending.countDown();
                            joinQuietly(earlyTransaction);
                            return super.send(r);
                        }
                    },
                    Duration.ofSeconds(1),
                    100,
                    "platform-it-in-flight",
                    new SimpleMeterRegistry());

            assertThat(inFlight.relayOnce()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from outbox where message_id = ?", Long.class, early))
                    .isOne();
            assertThat(jdbc.queryForObject("select count(*) from outbox where message_id = ?", Long.class, late))
                    .isZero();
        } finally {
            relay.start();
        }
        kafka.read(Topics.MEETING_EVENTS.name(), Duration.ofSeconds(20), seen -> seen.stream()
                .anyMatch(r -> early.equals(KafkaProbe.header(r, CloudEvents.ID))));
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.backlog() == 0);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void appending_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.append(Topics.MEETING_EVENTS, ContractSamples.meetingHeld()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void inbox_accepts_a_message_id_once_per_consumer() {
        String id = UUID.randomUUID().toString();

        Boolean first = tx.execute(s -> inbox.firstDelivery("sync", id));
        Boolean again = tx.execute(s -> inbox.firstDelivery("sync", id));
        Boolean otherConsumer = tx.execute(s -> inbox.firstDelivery("followup", id));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherConsumer).isTrue();
    }

    @Test
    void a_record_that_cannot_be_read_lands_on_the_dlt_with_its_raw_bytes_and_the_reason() {
        String marker = "not-json-" + UUID.randomUUID();

        kafka.sendRaw(Topics.CRM_LEAD_EVENTS.name(), "demo:1", marker.getBytes(StandardCharsets.UTF_8), Map.of());

        var dead = kafka.read(Topics.CRM_LEAD_EVENTS.dlt(), Duration.ofSeconds(30), seen -> seen.stream()
                .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker)));
        ConsumerRecord<String, byte[]> record = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker))
                .findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(record, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .contains("not a valid crm.lead-events.v1 record");
        assertThat(KafkaProbe.header(record, PlatformKafkaAutoConfiguration.FAILED_BY_HEADER))
                .isEqualTo("platform-it");
    }

    @Test
    void a_poison_record_goes_to_the_dlt_and_the_listener_keeps_consuming() {
        LeadSnapshotted poison = withName(ContractSamples.leadSnapshotted(), "poison", "poison-" + UUID.randomUUID());
        LeadSnapshotted fine = withName(ContractSamples.leadSnapshotted(), "fine", "fine-" + UUID.randomUUID());

        kafka.publish(Topics.CRM_LEAD_EVENTS, poison, fine);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.records.contains(fine));
        var dead = kafka.read(Topics.CRM_LEAD_EVENTS.dlt(), Duration.ofSeconds(30), seen -> seen.stream()
                .anyMatch(r -> poison.eventId().equals(KafkaProbe.header(r, CloudEvents.ID))));
        ConsumerRecord<String, byte[]> record = dead.stream()
                .filter(r -> poison.eventId().equals(KafkaProbe.header(r, CloudEvents.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(record, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .isEqualTo("lead name 'poison' can never be processed");
        assertThat(received.records).doesNotContain(poison);
    }

    private static LeadSnapshotted withName(LeadSnapshotted s, String name, String eventId) {
        return new LeadSnapshotted(
                eventId,
                s.tenant(),
                s.leadId(),
                s.occurredAt(),
                s.crm(),
                s.version(),
                name,
                s.pipeline(),
                s.stage(),
                s.stageSemantic(),
                s.lossReason(),
                s.responsible(),
                s.modifiedBy(),
                s.createdAt(),
                s.updatedAt(),
                s.fields(),
                s.contact(),
                s.cardUrl(),
                s.echoOfCommandIds(),
                s.causationId());
    }
}
