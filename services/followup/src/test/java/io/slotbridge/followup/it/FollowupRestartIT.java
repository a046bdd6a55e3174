package io.slotbridge.followup.it;

import static io.slotbridge.followup.it.Events.MEETING;
import static io.slotbridge.followup.it.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CreateCallTask;
import io.slotbridge.contracts.followup.FollowUpStepExecuted;
import io.slotbridge.followup.FollowupApplication;
import io.slotbridge.platform.test.KafkaProbe;
import io.slotbridge.platform.test.SharedKafka;
import io.slotbridge.platform.test.SharedPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A restart between steps: the service is closed after the first call task and started again (a new Spring context
 * against the same database, broker and clock) before the next ones are due. No step is lost, none is repeated.
 * Uses its own tenant, schema and consumer group, so it cannot disturb or be disturbed by FollowupScenariosIT.
 */
class FollowupRestartIT {

    static final String TENANT = "restart";
    static final String SCHEMA = "followup_restart";
    static final Duration WAIT = Duration.ofSeconds(60);

    final KafkaProbe kafka = KafkaProbe.shared();
    final JdbcTemplate db =
            new JdbcTemplate(new DriverManagerDataSource(SharedPostgres.jdbcUrl(), SharedPostgres.USER, ""));

    static ConfigurableApplicationContext startService() {
        return FollowupApplication.application()
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
                .run(
                        "--spring.config.name=followup,followup-it",
                        "--spring.config.import=classpath:restart-it-tenants.yml",
                        "--test.wazzup.base-url=" + WazzupStub.baseUrl(),
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "--slotbridge.kafka.partitions=" + SharedKafka.PARTITIONS,
                        "--spring.datasource.url=" + SharedPostgres.jdbcUrl(),
                        "--spring.datasource.username=" + SharedPostgres.USER,
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.schema=" + SCHEMA,
                        "--spring.flyway.schemas=" + SCHEMA,
                        "--spring.flyway.default-schema=" + SCHEMA,
                        "--slotbridge.followup.consumer-group=followup-restart-it",
                        "--server.port=0");
    }

    @Test
    void a_restart_between_steps_loses_no_step_and_repeats_none() {
        String lead = Events.newLead();
        String phone = Events.newPhone();
        Instant monday = TestClock.mondayMorning();
        String runId;
        try (ConfigurableApplicationContext first = startService()) {
            kafka.publish(Topics.CRM_LEAD_EVENTS, Events.snapshot(TENANT, lead, phone, MEETING, 1, monday));
            kafka.publish(Topics.MEETING_EVENTS, Events.noShow(TENANT, lead, "no-show-" + lead, CLOCK.instant()));
            runId = awaitRun(lead);
            awaitSteps(runId, 1);
        }
        // while the service is down the second call falls due
        TestClock.advancePast(nextDue(runId));

        try (ConfigurableApplicationContext second = startService()) {
            awaitSteps(runId, 2);
            TestClock.advancePast(nextDue(runId));
            awaitSteps(runId, 3);
            assertThat(db.queryForObject(
                            "select position from " + SCHEMA + ".run where run_id = ?", Integer.class, runId))
                    .isEqualTo(6);
        }

        assertThat(db.queryForList(
                        "select position from " + SCHEMA + ".run_step where run_id = ? order by position",
                        Integer.class,
                        runId))
                .containsExactly(0, 2, 4);
        List<CreateCallTask> calls = kafka
                .await(
                        Topics.CRM_COMMANDS,
                        c -> TENANT.equals(c.tenant()) && lead.equals(c.leadId()),
                        2,
                        Duration.ofSeconds(20))
                .stream()
                .filter(CreateCallTask.class::isInstance)
                .map(CreateCallTask.class::cast)
                .toList();
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(CreateCallTask::commandId).doesNotHaveDuplicates();
        assertThat(WazzupStub.sendsTo(phone)).hasSize(1);
        List<FollowUpStepExecuted> steps = kafka
                .await(
                        Topics.FOLLOWUP_EVENTS,
                        e -> TENANT.equals(e.tenant()) && lead.equals(e.leadId()),
                        4,
                        Duration.ofSeconds(20))
                .stream()
                .filter(FollowUpStepExecuted.class::isInstance)
                .map(FollowUpStepExecuted.class::cast)
                .toList();
        assertThat(steps).extracting(FollowUpStepExecuted::stepIndex).containsExactly(0, 2, 4);
    }

    private String awaitRun(String lead) {
        await().atMost(WAIT)
                .until(() -> db.queryForObject(
                                "select count(*) from " + SCHEMA + ".run where tenant = ? and lead_id = ?",
                                Long.class,
                                TENANT,
                                lead)
                        > 0);
        return db.queryForObject(
                "select run_id from " + SCHEMA + ".run where tenant = ? and lead_id = ?", String.class, TENANT, lead);
    }

    private void awaitSteps(String runId, int count) {
        await().atMost(WAIT).until(() -> steps(runId) >= count);
        assertThat(steps(runId)).isEqualTo(count);
    }

    private int steps(String runId) {
        return db.queryForObject("select count(*) from " + SCHEMA + ".run_step where run_id = ?", Integer.class, runId);
    }

    private Instant nextDue(String runId) {
        return db.queryForObject("select next_due_at from " + SCHEMA + ".run where run_id = ?", Timestamp.class, runId)
                .toInstant();
    }
}
