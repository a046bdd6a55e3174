package io.slotbridge.bench.crmbatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.crmconnector.CrmConnectorApplication;
import io.slotbridge.crmconnector.http.AccountGuard;
import io.slotbridge.crmconnector.http.ApiFailures;
import io.slotbridge.crmconnector.http.JsonHttp;
import io.slotbridge.platform.test.SharedKafka;
import io.slotbridge.platform.test.SharedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * 1,000 lead updates for 300 leads: once through crm.commands.v1 and the crm-connector (coalesced per lead, batched
 * PATCHes), once as a naive client making one PATCH per update at the same budget; both against an emulated amoCRM
 * that answers 429 to an 8th request within any second. Prints calls, lead updates per call, wall time and 429s.
 *
 * <p>Embedded Kafka and PostgreSQL come from platform-test, the service is the real crm-connector.
 */
public final class CrmBatchingBench {

    static final int UPDATES = 1000;
    static final int LEADS = 300;
    static final int LIMIT = 7;
    static final String TENANT = "bench";

    private CrmBatchingBench() {}

    public static void main(String[] args) throws Exception {
        RateLimitedAmoCrm amo = new RateLimitedAmoCrm(LIMIT);
        WireMockServer wiremock =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(amo));
        wiremock.start();
        List<CrmCommand> updates = updates();
        Result batched;
        try (ConfigurableApplicationContext service = startService(wiremock.baseUrl())) {
            awaitAssignment(service);
            amo.reset();
            batched = runThroughKafka(updates, amo);
        }
        amo.reset();
        Result naive = runNaive(updates, wiremock.baseUrl(), amo);
        wiremock.stop();

        System.out.println();
        System.out.println("crm-batching bench: " + UPDATES + " lead updates for " + LEADS
                + " leads, emulated amoCRM limit " + LIMIT + " requests/s (429 above it)");
        System.out.printf("%-34s %10s %14s %12s %8s%n", "", "API calls", "updates/call", "wall time", "429s");
        print("crm-connector (crm.commands.v1)", batched);
        print("naive, one call per update", naive);
        System.out.printf(
                "%nAPI calls: %.1fx fewer than the naive client (target >= 35x); time: %.1fx faster%n",
                (double) naive.calls() / batched.calls(), (double) naive.millis() / batched.millis());
        System.exit(0);
    }

    record Result(long calls, long throttled, long leadUpdatesSent, long millis) {}

    static void print(String name, Result r) {
        System.out.printf(
                "%-34s %10d %14.1f %11.1fs %8d%n",
                name, r.calls(), (double) UPDATES / r.calls(), r.millis() / 1000.0, r.throttled());
    }

    static List<CrmCommand> updates() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] stages = {"Первичный контакт", "Квалифицирован", "5. Встреча назначена"};
        List<CrmCommand> updates = new ArrayList<>();
        for (int i = 0; i < UPDATES; i++) {
            String lead = String.valueOf(10_000 + i % LEADS);
            String id = "bench-" + run + "-" + i;
            if (i % 10 < 7) {
                updates.add(new SetLeadFields(
                        id, TENANT, lead, Instant.now(), "bench", null, Map.of("Цель клиента", "цель " + i)));
            } else {
                updates.add(
                        new MoveLeadToStage(id, TENANT, lead, Instant.now(), "bench", null, stages[i % 3], "Воронка"));
            }
        }
        return updates;
    }

    static Result runThroughKafka(List<CrmCommand> updates, RateLimitedAmoCrm amo) {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (CrmCommand command : updates) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        Topics.CRM_COMMANDS.name(), command.kafkaKey(), ContractJson.toBytes(command));
                CloudEvents.headers(command, "bench")
                        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
        Set<String> wanted = new HashSet<>();
        updates.forEach(u -> wanted.add(u.commandId()));
        awaitResults(wanted);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return new Result(amo.calls.get(), amo.throttled.get(), amo.leadUpdates.get(), millis);
    }

    static void awaitResults(Set<String> wanted) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-results-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.CRM_COMMAND_RESULTS.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!wanted.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> wanted.remove(ContractJson.fromBytes(r.value(), CrmCommandResult.class)
                                .commandId()));
            }
        }
        if (!wanted.isEmpty()) {
            throw new IllegalStateException(wanted.size() + " updates got no result within 10 minutes");
        }
    }

    /** One PATCH per update, paced by the same account guard (so it is not throttled either). */
    static Result runNaive(List<CrmCommand> updates, String baseUrl, RateLimitedAmoCrm amo) {
        AccountGuard guard = new AccountGuard(
                "naive",
                LIMIT,
                1,
                0.05,
                6,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                Clock.systemUTC(),
                tenant -> {});
        JsonHttp http = new JsonHttp(Duration.ofSeconds(5), Duration.ofSeconds(20));
        URI uri = URI.create(baseUrl + "/amocrm/" + TENANT + "/api/v4/leads");
        long start = System.nanoTime();
        for (CrmCommand update : updates) {
            String body = update instanceof SetLeadFields set
                    ? "[{\"id\":" + set.leadId()
                            + ",\"custom_fields_values\":[{\"field_id\":9004,\"values\":[{\"value\":\""
                            + set.fields().get("Цель клиента") + "\"}]}]}]"
                    : "[{\"id\":" + update.leadId() + ",\"status_id\":70012,\"pipeline_id\":7001}]";
            guard.call(() -> {
                JsonHttp.Response response =
                        http.send("PATCH", uri, body, Map.of("Authorization", "Bearer sandbox-admin"));
                if (response.status() == 429) {
                    throw new ApiFailures.Throttled("429", 429);
                }
                return response;
            });
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return new Result(amo.calls.get(), amo.throttled.get(), amo.leadUpdates.get(), millis);
    }

    static ConfigurableApplicationContext startService(String amoBaseUrl) throws Exception {
        Path tenants = Files.createTempFile("bench-tenants", ".yml");
        tenants.toFile().deleteOnExit();
        Files.writeString(
                tenants,
                String.join(
                        "\n",
                        "slotbridge:",
                        "  public-base-url: http://localhost:8080",
                        "  tenants:",
                        "    " + TENANT + ":",
                        "      time-zone: Europe/Moscow",
                        "      crm:",
                        "        kind: amocrm",
                        "        base-url: " + amoBaseUrl + "/amocrm/" + TENANT,
                        "        card-url-template: https://bench.amocrm.ru/leads/detail/{leadId}",
                        "        account: bench",
                        "        webhook-secret: bench-secret",
                        "        auth: { mode: static-token, static-token: sandbox-admin }",
                        "        requests-per-second: " + LIMIT,
                        "        pipeline: Воронка",
                        ""));
        return CrmConnectorApplication.application()
                // command-line arguments outrank crm-connector.yml
                .run(
                        "--spring.main.web-application-type=none",
                        "--SLOTBRIDGE_TENANTS_FILE=" + tenants,
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "--slotbridge.kafka.partitions=" + SharedKafka.PARTITIONS,
                        "--spring.datasource.url=" + SharedPostgres.jdbcUrl(),
                        "--spring.datasource.username=" + SharedPostgres.USER,
                        "--spring.datasource.password=",
                        "--slotbridge.crm-connector.consumer-group=bench-" + UUID.randomUUID(),
                        "--slotbridge.crm-connector.sweep.enabled=false",
                        "--slotbridge.crm-connector.report-interval=P1D",
                        "--logging.level.root=WARN",
                        "--logging.level.io.slotbridge=WARN");
    }

    static void awaitAssignment(ConfigurableApplicationContext service) throws InterruptedException {
        MessageListenerContainer container =
                service.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("crm-connector.commands");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && (container.getAssignedPartitions() == null
                        || container.getAssignedPartitions().isEmpty())) {
            Thread.sleep(100);
        }
    }
}
