package io.slotbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.platform.test.KafkaProbe;
import io.slotbridge.platform.test.SharedKafka;
import io.slotbridge.platform.test.SharedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * sync stops in the middle of a stream and starts again; Kafka then redelivers what the stopped instance had
 * already decided (as after a crash before the offset commit). Every lead still gets exactly the commands it
 * should: none lost, none twice.
 */
class SyncRestartIT {

    private static final int LEADS = 40;

    private final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void a_restart_mid_stream_loses_no_command_and_sends_none_twice() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> leads = IntStream.range(0, LEADS)
                .mapToObj(i -> "restart-" + run + "-" + i)
                .toList();
        List<LeadSnapshotted> bookings =
                leads.stream().map(l -> Inputs.booking(l, "book-" + l)).toList();
        List<LeadSnapshotted> changes = leads.stream()
                .map(l -> Inputs.categoryChanged(l, "cat-" + l, "B"))
                .toList();

        long decidedByFirst;
        // one record per poll, so stopping really interrupts the stream
        try (ConfigurableApplicationContext first = start("spring.kafka.consumer.max-poll-records=1")) {
            JdbcTemplate db = first.getBean(JdbcTemplate.class);
            bookings.forEach(b -> kafka.publish(Topics.CRM_LEAD_EVENTS, b));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> decided(db, run) >= 3);
            first.stop();
            decidedByFirst = decided(db, run);
        }
        assertThat(decidedByFirst).as("stopped in the middle of the stream").isLessThan(LEADS);

        bookings.forEach(b -> kafka.publish(Topics.CRM_LEAD_EVENTS, b)); // Kafka redelivers what was decided
        changes.forEach(c -> kafka.publish(Topics.CRM_LEAD_EVENTS, c));
        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate db = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> decided(db, run) >= 2 * LEADS);
            List<CalendarCommand> commands = kafka.await(
                    Topics.CALENDAR_COMMANDS, c -> c.leadId().contains(run), 2 * LEADS, Duration.ofSeconds(30));

            assertThat(commands).hasSize(2 * LEADS);
            assertThat(commands.stream().map(CalendarCommand::commandId).distinct())
                    .hasSize(2 * LEADS);
            Map<String, List<String>> byLead = commands.stream()
                    .collect(Collectors.groupingBy(
                            CalendarCommand::leadId, Collectors.mapping(ContractTypes::typeName, Collectors.toList())));
            assertThat(byLead).hasSize(LEADS);
            byLead.forEach(
                    (lead, types) -> assertThat(types).as(lead).containsExactly("slot.create", "slot.update-details"));
            assertThat(db.queryForObject(
                            "select count(*) from sync.decision_log where lead_id like ? and outcome = 'applied'",
                            Long.class,
                            "restart-" + run + "-%"))
                    .as("every input decided exactly once")
                    .isEqualTo(2L * LEADS);
        }
    }

    /** Inputs of this run decided so far (the history keeps one row per first delivery). */
    private static long decided(JdbcTemplate db, String run) {
        Long count = db.queryForObject(
                "select count(*) from sync.decision_log where lead_id like ?", Long.class, "restart-" + run + "-%");
        return count == null ? 0 : count;
    }

    private static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "slotbridge.kafka.partitions=" + SharedKafka.PARTITIONS,
                "spring.datasource.url=" + SharedPostgres.jdbcUrl(),
                "spring.datasource.username=" + SharedPostgres.USER,
                "spring.datasource.password=",
                "SLOTBRIDGE_TENANT_CONFIG=../../deploy/tenants/demo.yml",
                "server.port=0"));
        args.addAll(List.of(extra));
        return SyncApplication.application()
                .run(args.stream().map(a -> "--" + a).toArray(String[]::new));
    }
}
