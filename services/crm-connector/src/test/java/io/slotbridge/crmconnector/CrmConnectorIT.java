package io.slotbridge.crmconnector;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.platform.test.EmbeddedInfra;
import io.slotbridge.platform.test.KafkaProbe;
import io.slotbridge.platform.test.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the crm-connector integration tests (every *IT extends this class, so the context is
 * cached and shared): real embedded Kafka and PostgreSQL, amoCRM emulated by WireMock with documented response shapes.
 * Each test class owns a tenant of {@code it-tenants.yml}, so their journals and results never mix.
 */
@SpringBootTest(
        classes = CrmConnectorApplication.class,
        properties = {
            "spring.config.name=crm-connector",
            "SLOTBRIDGE_TENANTS_FILE=src/test/resources/it-tenants.yml",
            "slotbridge.admin.token=" + CrmConnectorIT.ADMIN_TOKEN,
            "slotbridge.crypto.keys=k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "slotbridge.crm-connector.sweep.enabled=false",
            "slotbridge.crm-connector.report-interval=P1D",
            "slotbridge.crm-connector.blocked-pause=3s",
            "slotbridge.crm-connector.hint-window=100ms",
            "slotbridge.crm-connector.retry.initial-backoff=200ms",
            "slotbridge.crm-connector.retry.max-backoff=1s",
            "slotbridge.crm-connector.metadata-min-refresh-interval=1s",
            "slotbridge.kafka.retry-attempts=1",
            "slotbridge.kafka.retry-initial-interval=50ms",
            "spring.kafka.consumer.properties.max.poll.records=500"
        })
@EmbeddedInfra
@AutoConfigureMockMvc
public abstract class CrmConnectorIT {

    static final String ADMIN_TOKEN = "it-admin-token-0123456789";

    static final WireMockServer WIREMOCK = startWireMock();

    protected final KafkaProbe kafka = KafkaProbe.shared();

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .containerThreads(20)
                .extensions(new AmoLeadsEmulator()));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        AmoCrmStubs.metadata(server);
        AmoCrmStubs.leadsEmulation(server);
        return server;
    }

    @DynamicPropertySource
    static void wiremock(DynamicPropertyRegistry registry) {
        registry.add("it.wiremock.url", WIREMOCK::baseUrl);
    }

    /** Publishes many records through one producer (KafkaProbe opens one per record). */
    @SafeVarargs
    protected static <V extends Envelope> void publishAll(TopicSpec<V> topic, V... records) {
        publishAll(topic, List.of(records));
    }

    protected static <V extends Envelope> void publishAll(TopicSpec<V> topic, List<V> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (V record : records) {
                ProducerRecord<String, byte[]> out =
                        new ProducerRecord<>(topic.name(), record.kafkaKey(), ContractJson.toBytes(record));
                CloudEvents.headers(record, "test")
                        .forEach((k, v) -> out.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(out);
            }
            producer.flush();
        }
    }

    protected static LeadChangeNoticed hint(
            String tenant, String leadId, String entity, String action, String entityId) {
        return hint(CrmKind.AMOCRM, tenant, leadId, entity, action, entityId);
    }

    protected static LeadChangeNoticed hint(
            CrmKind crm, String tenant, String leadId, String entity, String action, String entityId) {
        return new LeadChangeNoticed(
                "hint-" + UUID.randomUUID(),
                tenant,
                leadId,
                Instant.now(),
                crm,
                entity,
                action,
                null,
                null,
                null,
                entityId,
                "raw-" + UUID.randomUUID(),
                null);
    }

    /** The first result on {@code crm.command-results.v1} for the command, waiting up to {@code wait}. */
    protected CrmCommandResult result(String commandId, Duration wait) {
        return kafka.await(Topics.CRM_COMMAND_RESULTS, r -> r.commandId().equals(commandId), 1, wait)
                .get(0);
    }

    /** Requests one tenant's emulated amoCRM received, oldest first. */
    protected static List<ServeEvent> requests(String tenant) {
        return WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/amocrm/" + tenant + "/"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    protected static List<ServeEvent> requests(String tenant, String method, String pathPrefix) {
        return requests(tenant).stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method))
                .filter(e -> e.getRequest().getUrl().startsWith("/amocrm/" + tenant + pathPrefix))
                .toList();
    }
}
