package io.slotbridge.crmconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.crmconnector.store.DeferredStore;
import io.slotbridge.crmconnector.store.DeferredStore.Deferred;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import io.slotbridge.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deferred store on the real PostgreSQL schema: one copy per command, arrival order, one claimant per tenant.
 * Each test has a tenant of its own that no configured runner serves.
 */
class DeferredStoreIT extends CrmConnectorIT {

    static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    JdbcTemplate jdbc;

    private final String tenant = "store-" + UUID.randomUUID().toString().substring(0, 8);

    private DeferredStore<CrmCommand> store() {
        return new DeferredStore<>(jdbc, "command", Topics.CRM_COMMANDS, CrmCommand.class, CrmCommand::leadId);
    }

    /** The dead letter keyed by this test's tenant, once the context's runner has sent it. */
    private ConsumerRecord<String, byte[]> deadLetterOfTenant() {
        return kafka
                .read(Topics.CRM_COMMANDS.dlt(), Duration.ofSeconds(60), seen -> seen.stream()
                        .anyMatch(r -> tenant.equals(r.key())))
                .stream()
                .filter(r -> tenant.equals(r.key()))
                .findFirst()
                .orElseThrow();
    }

    /** A day ahead: nothing here is ever due for the context's own runner, which would claim it. */
    private static Instant later() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
    }

    private AddNote note(String id, String lead) {
        return new AddNote(id, tenant, lead, Instant.parse("2026-11-23T10:00:00Z"), "followup", null, "text " + id);
    }

    @Test
    void a_command_is_kept_once_and_comes_back_whole_in_arrival_order() {
        DeferredStore<CrmCommand> deferred = store();
        Instant now = later();
        deferred.defer(List.of(note(tenant + "-a", "1"), note(tenant + "-b", "2")), now, "parked", now);
        deferred.defer(List.of(note(tenant + "-a", "1"), note(tenant + "-c", "1")), now, "again", now);

        List<Deferred<CrmCommand>> claimed =
                deferred.claim(tenant, now, LEASE, 100).orElseThrow().items();

        assertThat(claimed)
                .extracting(d -> d.item().commandId())
                .containsExactly(tenant + "-a", tenant + "-b", tenant + "-c");
        assertThat(claimed.get(0).item()).isEqualTo(note(tenant + "-a", "1"));
        assertThat(deferred.leadsWaiting(tenant, List.of("1", "2", "3"))).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void a_waiting_command_that_can_no_longer_be_read_goes_to_the_dead_letters_raw_and_leaves_the_store() {
        // e.g. a command type written by a newer version, read back after a rollback
        String payload = "{\"type\":\"crm.command.from-the-future\",\"commandId\":\"" + tenant + "-x\",\"tenant\":\""
                + tenant + "\",\"leadId\":\"9\"}";
        jdbc.update(
                "insert into deferred_work (kind, tenant, lead_id, item_id, record_key, payload, not_before, reason,"
                        + " deferred_at) values ('command', ?, '9', ?, ?, ?, now(), 'parked', now())",
                tenant,
                tenant + "-x",
                tenant,
                payload);

        // the context's own runner claims the tenant's due work within a tick or two
        ConsumerRecord<String, byte[]> letter = deadLetterOfTenant();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(payload);
        assertThat(KafkaProbe.header(letter, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .startsWith("deferred command can no longer be read")
                .contains("crm.command.from-the-future");
        assertThat(KafkaProbe.header(letter, PlatformKafkaAutoConfiguration.FAILED_BY_HEADER))
                .isEqualTo("crm-connector");
        await().atMost(Duration.ofSeconds(30)).until(() -> store().count(tenant) == 0);
    }

    @Test
    void waiting_work_of_a_tenant_that_left_the_tenants_file_goes_to_the_dead_letters_and_leaves_the_store() {
        AddNote note = note(tenant + "-gone", "7");
        store().defer(List.of(note), Instant.now(), "parked", Instant.now());

        ConsumerRecord<String, byte[]> letter = deadLetterOfTenant();
        assertThat(ContractJson.fromBytes(letter.value(), CrmCommand.class)).isEqualTo(note);
        assertThat(KafkaProbe.header(letter, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .contains("no longer serves");
        await().atMost(Duration.ofSeconds(30)).until(() -> store().count(tenant) == 0);
    }

    @Test
    void one_instance_at_a_time_claims_a_tenant_until_it_releases_or_its_lease_runs_out() {
        DeferredStore<CrmCommand> deferred = store();
        Instant now = later();
        deferred.defer(List.of(note(tenant + "-a", "1")), now, "parked", now);
        assertThat(deferred.tenantsDue(now)).contains(tenant);

        assertThat(deferred.claim(tenant, now, LEASE, 100)).isPresent();
        assertThat(deferred.claim(tenant, now.plusSeconds(1), LEASE, 100)).isEmpty();
        assertThat(deferred.tenantsDue(now.plusSeconds(1))).doesNotContain(tenant);
        // a claimant that died: its lease runs out
        assertThat(deferred.claim(tenant, now.plus(LEASE), LEASE, 100)).isPresent();
        deferred.release(tenant);
        assertThat(deferred.claim(tenant, now.plus(LEASE).plusSeconds(1), LEASE, 100))
                .isPresent();
    }

    @Test
    void postponed_work_is_not_due_before_its_time_and_done_work_is_gone() {
        DeferredStore<CrmCommand> deferred = store();
        Instant now = later();
        deferred.defer(List.of(note(tenant + "-a", "1"), note(tenant + "-b", "2")), now, "parked", now);
        List<Deferred<CrmCommand>> claimed =
                deferred.claim(tenant, now, LEASE, 100).orElseThrow().items();
        deferred.release(tenant);

        deferred.postpone(List.of(claimed.get(0).id()), now.plusSeconds(60), "still parked");
        deferred.done(List.of(claimed.get(1).id()));

        assertThat(deferred.tenantsDue(now.plusSeconds(59))).doesNotContain(tenant);
        assertThat(deferred.tenantsDue(now.plusSeconds(60))).contains(tenant);
        List<Deferred<CrmCommand>> left = deferred.claim(tenant, now.plusSeconds(60), LEASE, 100)
                .orElseThrow()
                .items();
        assertThat(left).singleElement().satisfies(d -> {
            assertThat(d.item().commandId()).isEqualTo(tenant + "-a");
            assertThat(d.notBefore()).isEqualTo(now.plusSeconds(60));
        });
        assertThat(deferred.leadsWaiting(tenant, List.of("1", "2"))).containsExactly("1");
    }
}
