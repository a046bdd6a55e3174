package io.slotbridge.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.console.audit.AuditLog;
import io.slotbridge.console.deadletter.app.DeadLetter;
import io.slotbridge.console.deadletter.app.DeadLetterActions;
import io.slotbridge.console.deadletter.app.DeadLetters;
import io.slotbridge.console.deadletter.domain.DeadLetterFilter;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.platform.test.KafkaProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Replaying sends the original record back; discarding needs a reason; both are audited. */
class DeadLetterReplayIT extends ConsoleIntegrationTest {

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    DeadLetterActions actions;

    @Autowired
    AuditLog audit;

    @Test
    void a_replayed_letter_reaches_its_original_topic_with_its_original_key_bytes_and_headers() {
        LeadSnapshotted record = snapshot("demo", UUID.randomUUID().toString());
        DeadLetterFixture.deadLetter(
                Topics.CRM_LEAD_EVENTS.name(), 0, 17, record, "sync", "stage unknown " + record.eventId());
        DeadLetter letter = awaitLetter("demo", record.eventId());

        DeadLetterActions.Outcome outcome = actions.replay(letter.id(), "it-operator");

        assertThat(outcome.ok()).as(outcome.message()).isTrue();
        ConsumerRecord<String, byte[]> replayed = kafka
                .read(Topics.CRM_LEAD_EVENTS.name(), Duration.ofSeconds(30), seen -> seen.stream()
                        .anyMatch(r -> record.eventId().equals(KafkaProbe.header(r, CloudEvents.ID))))
                .stream()
                .filter(r -> record.eventId().equals(KafkaProbe.header(r, CloudEvents.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(replayed.key()).isEqualTo(record.kafkaKey());
        assertThat(replayed.value()).isEqualTo(ContractJson.toBytes(record));
        assertThat(KafkaProbe.header(replayed, CloudEvents.TYPE)).isEqualTo("lead.snapshot");
        assertThat(replayed.headers().toArray())
                .extracting(Header::key)
                .noneMatch(name -> name.startsWith("kafka_dlt-") || name.startsWith("slotbridge_"));
        DeadLetter after = deadLetters.get(letter.id()).orElseThrow();
        assertThat(after.state()).isEqualTo("replayed");
        assertThat(after.stateChangedBy()).isEqualTo("it-operator");
        assertThat(after.stateNote()).startsWith("sent to crm.lead-events.v1 partition");
        assertThat(audit.forTarget(letter.auditTarget()))
                .extracting(AuditLog.Entry::action, AuditLog.Entry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dead-letter.replay", "it-operator"));
    }

    @Test
    void a_letter_is_replayed_once_and_a_discard_needs_a_reason() {
        LeadSnapshotted first = snapshot("demo", UUID.randomUUID().toString());
        LeadSnapshotted second = snapshot("demo", UUID.randomUUID().toString());
        DeadLetterFixture.deadLetter(Topics.CRM_LEAD_EVENTS.name(), 1, 18, first, "sync", "boom " + first.eventId());
        DeadLetterFixture.deadLetter(Topics.CRM_LEAD_EVENTS.name(), 1, 19, second, "sync", "boom " + second.eventId());
        DeadLetter replayMe = awaitLetter("demo", first.eventId());
        DeadLetter discardMe = awaitLetter("demo", second.eventId());

        assertThat(actions.replay(replayMe.id(), "it-operator").ok()).isTrue();
        DeadLetterActions.Outcome again = actions.replay(replayMe.id(), "it-operator");
        DeadLetterActions.Outcome noReason = actions.discard(discardMe.id(), "  ", "it-operator");
        DeadLetterActions.Outcome discarded = actions.discard(discardMe.id(), "test data, safe to drop", "it-operator");

        assertThat(again.ok()).isFalse();
        assertThat(again.message()).contains("already replayed");
        assertThat(noReason.ok()).isFalse();
        assertThat(discarded.ok()).isTrue();
        DeadLetter after = deadLetters.get(discardMe.id()).orElseThrow();
        assertThat(after.state()).isEqualTo("discarded");
        assertThat(after.stateNote()).isEqualTo("test data, safe to drop");
        assertThat(actions.replay(discardMe.id(), "it-operator").ok()).isFalse();
        assertThat(audit.forTarget(discardMe.auditTarget()))
                .extracting(AuditLog.Entry::detail)
                .containsExactly("test data, safe to drop");
    }

    @Test
    void replay_matching_sends_exactly_the_letters_counted_before_the_confirmation() {
        String tenant = "it-bulk-" + UUID.randomUUID().toString().substring(0, 8);
        List<LeadSnapshotted> counted = List.of(
                snapshot(tenant, UUID.randomUUID().toString()),
                snapshot(tenant, UUID.randomUUID().toString()),
                snapshot(tenant, UUID.randomUUID().toString()));
        for (int i = 0; i < counted.size(); i++) {
            DeadLetterFixture.deadLetter(Topics.CRM_LEAD_EVENTS.name(), 0, 100 + i, counted.get(i), "sync", "bulk");
        }
        DeadLetterFilter filter = new DeadLetterFilter(tenant, Topics.CRM_LEAD_EVENTS.name(), "new", "bulk");
        eventually().until(() -> deadLetters.select(filter).count() == 3);
        DeadLetters.Selection confirmed = deadLetters.select(filter);
        LeadSnapshotted late = snapshot(tenant, UUID.randomUUID().toString());
        DeadLetterFixture.deadLetter(Topics.CRM_LEAD_EVENTS.name(), 0, 200, late, "sync", "bulk");
        eventually().until(() -> deadLetters.select(filter).count() == 4);

        DeadLetterActions.Outcome outcome = actions.replayMatching(filter, confirmed.newestId(), "it-operator");

        assertThat(outcome.ok()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).isEqualTo("replayed 3 of 3 dead letters");
        assertThat(deadLetters.find(new DeadLetterFilter(tenant, null, "replayed", null), 10))
                .extracting(DeadLetter::messageId)
                .containsExactlyInAnyOrderElementsOf(
                        counted.stream().map(LeadSnapshotted::eventId).toList());
        assertThat(deadLetters.find(new DeadLetterFilter(tenant, null, "new", null), 10))
                .extracting(DeadLetter::messageId)
                .containsExactly(late.eventId());
    }

    private DeadLetter awaitLetter(String tenant, String messageId) {
        DeadLetterFilter filter = new DeadLetterFilter(tenant, null, null, null);
        eventually().until(() -> deadLetters.find(filter, 500).stream().anyMatch(d -> messageId.equals(d.messageId())));
        return deadLetters.find(filter, 500).stream()
                .filter(d -> messageId.equals(d.messageId()))
                .findFirst()
                .orElseThrow();
    }

    static LeadSnapshotted snapshot(String tenant, String eventId) {
        LeadSnapshotted s = ContractSamples.leadSnapshotted();
        return new LeadSnapshotted(
                eventId,
                tenant,
                "dlt-" + eventId.substring(0, 8),
                s.occurredAt(),
                s.crm(),
                s.version(),
                s.name(),
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
