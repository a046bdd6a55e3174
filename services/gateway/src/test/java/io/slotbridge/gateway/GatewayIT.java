package io.slotbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarNotification;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadHint;
import io.slotbridge.contracts.ingress.RawIngress;
import io.slotbridge.contracts.ingress.RawWebhookReceived;
import io.slotbridge.contracts.messaging.MessagingInbound;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import io.slotbridge.platform.crypto.ChannelTokens;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import io.slotbridge.platform.test.EmbeddedInfra;
import io.slotbridge.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

/**
 * The gateway against the real embedded KRaft broker: each source's request lands on its topic with the key rule and
 * CloudEvents headers of the contracts, next to its archive record; unreadable bodies land on the dead-letter topic.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "spring.config.import=file:../../deploy/tenants/demo.yml,classpath:gateway-test-tenants.yml",
            // This test proves where records land; the time budget is tested by the Kafka*IT classes and measured by
            // the bench. Generous timeouts keep it honest on a machine shared by many builds.
            "slotbridge.gateway.ack-timeout=20s",
            "spring.kafka.producer.properties.max.block.ms=15000",
            "spring.kafka.producer.properties.request.timeout.ms=15000",
            "spring.kafka.producer.properties.delivery.timeout.ms=19000"
        })
@EmbeddedInfra(postgres = false)
@AutoConfigureObservability(tracing = false)
class GatewayIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    private final KafkaProbe kafka = KafkaProbe.shared();

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(WAIT).build();
    }

    @Test
    void webhook_routes_are_matched_before_the_actuator_endpoints() {
        List<HandlerMapping> mappings = context.getBean(DispatcherHandler.class).getHandlerMappings();

        assertThat(mappings).first().isInstanceOf(RouterFunctionMapping.class);
        assertThat(mappings).anyMatch(mapping -> mapping.getClass().getName().contains("actuate"));
    }

    @Test
    void no_log_event_counter_sits_in_front_of_every_log_level_check() {
        // Micrometer's logback.events hangs a turbo filter before each isDebugEnabled() of Netty, Reactor and Spring
        assertThat(context.getBeanNamesForType(LogbackMetrics.class)).isEmpty();
    }

    @Test
    void an_amocrm_status_change_is_archived_and_hinted_keyed_by_lead_after_kafka_acknowledged() {
        String body = ProviderFixtures.body("amocrm/status-change-2.txt").replace("=anyor", "=demo");
        String requestId = UUID.randomUUID().toString();

        String rawEventId = http.post()
                .uri("/hooks/amocrm/demo/demo-secret")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Amocrm-Requestid", requestId)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("eventId")
                .asText();

        ConsumerRecord<String, byte[]> archive = await(Topics.INGRESS_RAW, ceId(rawEventId));
        RawWebhookReceived raw = (RawWebhookReceived) ContractJson.fromBytes(archive.value(), RawIngress.class);
        assertThat(archive.key()).isEqualTo("demo:amocrm");
        assertThat(raw.body()).isEqualTo(body);
        assertThat(raw.path()).isEqualTo("/hooks/amocrm/demo/***");
        assertCloudEvents(archive, "ingress.raw-received", rawEventId);

        ConsumerRecord<String, byte[]> hint = await(Topics.CRM_LEAD_HINTS, hintOf(rawEventId));
        LeadChangeNoticed noticed = (LeadChangeNoticed) ContractJson.fromBytes(hint.value(), LeadHint.class);
        assertThat(hint.key()).isEqualTo("demo:10754147");
        assertThat(noticed.statusId()).isEqualTo("54423922");
        assertCloudEvents(hint, "lead.change-noticed", noticed.eventId());
        assertThat(noticed.providerRequestId()).isEqualTo(requestId);
        assertThat(raw.providerRequestId()).isEqualTo(requestId);
    }

    @Test
    void a_bitrix24_deal_update_is_a_hint_keyed_by_the_deal() {
        String body = TestRequests.formBodyOfJson(ProviderFixtures.body("bitrix24/crm-deal-update-app-event.json.txt"))
                .replace("51856fefc120afa4b628cc82d3935cce", "demo-b24-token");

        String rawEventId = post("/hooks/bitrix24/demo-b24", MediaType.APPLICATION_FORM_URLENCODED, body, 200)
                .get("eventId")
                .asText();

        ConsumerRecord<String, byte[]> hint = await(Topics.CRM_LEAD_HINTS, hintOf(rawEventId));
        assertThat(hint.key()).isEqualTo("demo-b24:759");
        ConsumerRecord<String, byte[]> archive = await(Topics.INGRESS_RAW, ceId(rawEventId));
        assertThat(new String(archive.value(), StandardCharsets.UTF_8)).doesNotContain("demo-b24-token");
    }

    @Test
    void a_google_push_is_a_calendar_notification_keyed_by_tenant_and_channel() {
        String channel = "channel-" + UUID.randomUUID();

        JsonNode receipt = http.post()
                .uri("/hooks/google/demo")
                .header("X-Goog-Channel-ID", channel)
                .header("X-Goog-Channel-Token", ChannelTokens.tokenFor("demo-push-secret", "demo", channel))
                .header("X-Goog-Resource-ID", "ys7KY28")
                .header("X-Goog-Resource-State", "exists")
                .header("X-Goog-Message-Number", "129")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        ConsumerRecord<String, byte[]> notification =
                await(Topics.CALENDAR_NOTIFICATIONS, r -> ("demo:" + channel).equals(r.key()));
        assertThat(ContractJson.fromBytes(notification.value(), CalendarNotification.class))
                .hasFieldOrPropertyWithValue("messageNumber", 129L)
                .hasFieldOrPropertyWithValue(
                        "rawEventId", receipt.get("eventId").asText());
        assertThat(KafkaProbe.header(notification, CloudEvents.TYPE)).isEqualTo("calendar.change-notified");
    }

    @Test
    void a_wazzup_message_is_published_keyed_by_chat_and_an_unreadable_body_reaches_the_dead_letter_topic() {
        String chat = "7999" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000L);
        String message = ProviderFixtures.body("wazzup/inbound-message-1.json").replace("584128027107", chat);
        String sticker = ProviderFixtures.body("wazzup/inbound-message-sticker.json.txt");

        post("/hooks/wazzup/demo/demo-wazzup-secret", MediaType.APPLICATION_JSON, message, 200);
        String deadEventId = post("/hooks/wazzup/demo/demo-wazzup-secret", MediaType.APPLICATION_JSON, sticker, 202)
                .get("eventId")
                .asText();

        ConsumerRecord<String, byte[]> inbound = await(Topics.MESSAGING_INBOUND, r -> ("demo:" + chat).equals(r.key()));
        assertThat(ContractJson.fromBytes(inbound.value(), MessagingInbound.class))
                .hasFieldOrPropertyWithValue("text", "Hola");
        ConsumerRecord<String, byte[]> dead = awaitOn(Topics.INGRESS_RAW.dlt(), ceId(deadEventId));
        RawWebhookReceived raw = (RawWebhookReceived) ContractJson.fromBytes(dead.value(), RawIngress.class);
        assertThat(raw.body()).isEqualTo(sticker);
        assertThat(KafkaProbe.header(dead, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .startsWith("not JSON")
                .isEqualTo(raw.problem());
    }

    @Test
    void health_is_up_and_prometheus_counts_requests_by_source_and_outcome_without_secrets() {
        post(
                "/hooks/amocrm/fixtures/fixtures-secret",
                MediaType.APPLICATION_FORM_URLENCODED,
                ProviderFixtures.body("amocrm/lead-delete-1.txt"),
                200);
        http.post()
                .uri("/hooks/amocrm/fixtures/wrong-secret")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("a=b")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        String metrics = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .contains(
                        "slotbridge_gateway_requests_seconds_count{outcome=\"accepted\",source=\"amocrm\",status=\"200\"}")
                .contains("outcome=\"unauthorized\",source=\"amocrm\",status=\"401\"")
                .doesNotContain("fixtures-secret")
                .doesNotContain("wrong-secret")
                .doesNotContain("demo-secret");
    }

    private JsonNode post(String uri, MediaType type, String body, int status) {
        return http.post()
                .uri(uri)
                .contentType(type)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private ConsumerRecord<String, byte[]> await(TopicSpec<?> topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return awaitOn(topic.name(), match);
    }

    private ConsumerRecord<String, byte[]> awaitOn(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> seen =
                kafka.read(topic, WAIT, records -> records.stream().anyMatch(match));
        return seen.stream()
                .filter(match)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no matching record on " + topic));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> ceId(String id) {
        return r -> id.equals(KafkaProbe.header(r, CloudEvents.ID));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> hintOf(String rawEventId) {
        return r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"rawEventId\":\"" + rawEventId + "\"");
    }

    private static void assertCloudEvents(ConsumerRecord<String, byte[]> record, String type, String id) {
        assertThat(KafkaProbe.header(record, CloudEvents.ID)).isEqualTo(id);
        assertThat(KafkaProbe.header(record, CloudEvents.TYPE)).isEqualTo(type);
        assertThat(KafkaProbe.header(record, CloudEvents.SOURCE)).isEqualTo("/slotbridge/gateway");
        assertThat(KafkaProbe.header(record, CloudEvents.SUBJECT)).isEqualTo(record.key());
        assertThat(KafkaProbe.header(record, CloudEvents.TENANT))
                .isEqualTo(record.key().split(":")[0]);
        assertThat(KafkaProbe.header(record, CloudEvents.TIME)).isNotBlank();
    }
}
