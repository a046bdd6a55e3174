package io.slotbridge.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.ingress.RawWebhookReceived;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.gateway.config.GatewayProperties;
import io.slotbridge.gateway.config.GatewayTenants;
import io.slotbridge.gateway.config.SourcesConfiguration;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import io.slotbridge.gateway.kafka.AckedPublisher;
import io.slotbridge.platform.crypto.ChannelTokens;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every source and every answer of the gateway, over HTTP, with the Kafka publisher replaced by a mock. */
@WebFluxTest(
        properties = {
            "spring.config.name=gateway",
            "spring.config.import=file:../../deploy/tenants/demo.yml,classpath:gateway-test-tenants.yml"
        })
@Import({
    HookRoutesTest.Wiring.class,
    HookRoutes.class,
    HookPipeline.class,
    HookObserver.class,
    SourcesConfiguration.class
})
class HookRoutesTest {

    static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @TestConfiguration
    @EnableConfigurationProperties({GatewayProperties.class, GatewayTenants.class})
    static class Wiring {
        @Bean
        Clock clock() {
            return Clock.fixed(TestRequests.RECEIVED, java.time.ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @MockitoBean
    AckedPublisher publisher;

    @BeforeEach
    void kafkaAcknowledges() {
        when(publisher.publishAll(anyList(), any())).thenReturn(Mono.empty());
    }

    static List<String> amoCrmFixtures() {
        return ProviderFixtures.list("amocrm");
    }

    @ParameterizedTest
    @MethodSource("amoCrmFixtures")
    void every_amocrm_fixture_is_answered_200_after_its_archive_and_hints_were_published(String fixture) {
        http.post()
                .uri("/hooks/amocrm/fixtures/fixtures-secret")
                .contentType(FORM)
                .header("X-Amocrm-Requestid", "req-" + fixture)
                .bodyValue(ProviderFixtures.body(fixture))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("accepted");

        List<Outbound> published = published();
        RawWebhookReceived archive = (RawWebhookReceived) published.get(0).record();
        assertThat(published.get(0).topic()).isEqualTo(Topics.INGRESS_RAW.name());
        assertThat(archive.body()).isEqualTo(ProviderFixtures.body(fixture));
        assertThat(archive.path()).isEqualTo("/hooks/amocrm/fixtures/***");
        assertThat(archive.providerRequestId()).isEqualTo("req-" + fixture);
        assertThat(archive.problem()).isNull();
        assertThat(published.subList(1, published.size())).isNotEmpty().allSatisfy(out -> {
            assertThat(out.topic()).isEqualTo(Topics.CRM_LEAD_HINTS.name());
            assertThat(((LeadChangeNoticed) out.record()).rawEventId()).isEqualTo(archive.eventId());
        });
    }

    @Test
    void the_demo_tenant_accepts_its_own_account_and_refuses_another_accounts_body() {
        String ownAccount = ProviderFixtures.body("amocrm/status-change-2.txt").replace("=anyor", "=demo");

        post("/hooks/amocrm/demo/demo-secret", FORM, ownAccount).expectStatus().isOk();
        post("/hooks/amocrm/demo/demo-secret", FORM, ProviderFixtures.body("amocrm/status-change-2.txt"))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void a_wrong_secret_and_an_unknown_tenant_get_the_same_401_and_nothing_is_published() {
        String body = ProviderFixtures.body("amocrm/status-change-2.txt");

        byte[] wrongSecret = post("/hooks/amocrm/fixtures/guess", FORM, body)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        byte[] unknownTenant = post("/hooks/amocrm/nobody/fixtures-secret", FORM, body)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(new String(wrongSecret, StandardCharsets.UTF_8))
                .isEqualTo(new String(unknownTenant, StandardCharsets.UTF_8))
                .doesNotContain("guess")
                .doesNotContain("fixtures-secret")
                .contains("\"status\":401");
        verify(publisher, never()).publishAll(anyList(), any());
    }

    @Test
    void a_wrong_content_type_is_415_and_an_oversized_body_413_declared_or_streamed() {
        post("/hooks/amocrm/fixtures/fixtures-secret", MediaType.APPLICATION_JSON, "{}")
                .expectStatus()
                .isEqualTo(415);
        post("/hooks/amocrm/fixtures/fixtures-secret", FORM, "a=" + "x".repeat(300 * 1024))
                .expectStatus()
                .isEqualTo(413);
        Flux<DataBuffer> chunks =
                Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[8 * 1024]));
        http.post()
                .uri("/hooks/wazzup/demo/demo-wazzup-secret")
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus()
                .isEqualTo(413);
        verify(publisher, never()).publishAll(anyList(), any());
    }

    @Test
    void an_authenticated_but_unreadable_body_is_202_after_it_went_to_the_dead_letter_topic_with_its_reason() {
        String body = ProviderFixtures.body("wazzup/inbound-message-sticker.json.txt");

        post("/hooks/wazzup/demo/demo-wazzup-secret", MediaType.APPLICATION_JSON, body)
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("dead-lettered");

        Outbound deadLetter = published().get(0);
        assertThat(deadLetter.topic()).isEqualTo(Topics.INGRESS_RAW.dlt());
        RawWebhookReceived raw = (RawWebhookReceived) deadLetter.record();
        assertThat(raw.body()).isEqualTo(body);
        assertThat(raw.problem()).startsWith("not JSON");
        assertThat(raw.path()).isEqualTo("/hooks/wazzup/demo/***");
        assertThat(deadLetter.headers())
                .containsEntry(PlatformKafkaAutoConfiguration.REASON_HEADER, raw.problem())
                .containsEntry(PlatformKafkaAutoConfiguration.FAILED_BY_HEADER, "gateway");
    }

    @Test
    void kafka_not_acknowledging_in_time_is_503_with_retry_after() {
        when(publisher.publishAll(anyList(), any())).thenReturn(Mono.error(new TimeoutException()));

        post("/hooks/amocrm/fixtures/fixtures-secret", FORM, ProviderFixtures.body("amocrm/lead-delete-1.txt"))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(meters.get(HookObserver.TIMER)
                        .tags("source", "amocrm", "outcome", "kafka-unavailable", "status", "503")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_google_push_with_a_valid_channel_token_and_no_content_type_is_a_notification() {
        var headers = ProviderFixtures.headers("google/push-exists-1.txt");
        String channel = headers.get("X-Goog-Channel-Id");

        var request = http.post().uri("/hooks/google/demo");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) { // the capture's empty Content-Type is sent as is
                request.header(name, value);
            }
        });
        request.header("X-Goog-Channel-Token", ChannelTokens.tokenFor("demo-push-secret", "demo", channel))
                .exchange()
                .expectStatus()
                .isOk();

        List<Outbound> published = published();
        RawWebhookReceived archive = (RawWebhookReceived) published.get(0).record();
        assertThat(archive.headers()).containsKey("X-Goog-Channel-Id").doesNotContainKey("X-Goog-Channel-Token");
        assertThat(archive.providerRequestId()).isEqualTo("12****9");
        assertThat(((CalendarChangeNotified) published.get(1).record()).channelId())
                .isEqualTo(channel);
    }

    @Test
    void a_google_push_with_a_forged_or_missing_token_is_401() {
        http.post()
                .uri("/hooks/google/demo")
                .header("X-Goog-Channel-ID", "ch-1")
                .header("X-Goog-Resource-State", "exists")
                .header("X-Goog-Channel-Token", ChannelTokens.tokenFor("guessed", "demo", "ch-1"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/hooks/google/demo")
                .header("X-Goog-Channel-ID", "ch-1")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void a_bitrix24_event_with_the_tenants_token_is_a_hint_and_its_tokens_are_masked_in_the_archive() {
        String body = ProviderFixtures.body("bitrix24/crm-contact-add-app-event-formurlencoded.txt")
                .replace("3c6c9248ec54af6bea1159b43ee0ab32", "demo-b24-token");

        post("/hooks/bitrix24/demo-b24", FORM, body).expectStatus().isOk();

        List<Outbound> published = published();
        RawWebhookReceived archive = (RawWebhookReceived) published.get(0).record();
        assertThat(archive.body()).doesNotContain("demo-b24-token").contains("auth%5Bapplication_token%5D=***");
        assertThat(((LeadChangeNoticed) published.get(1).record()).leadId()).isEqualTo("contact-134806");
    }

    @Test
    void a_bitrix24_event_with_a_wrong_token_or_member_id_is_401() {
        String docDeal =
                TestRequests.formBodyOfJson(ProviderFixtures.body("bitrix24/crm-deal-update-app-event.json.txt"));

        post("/hooks/bitrix24/demo-b24", FORM, docDeal).expectStatus().isUnauthorized();
        post("/hooks/bitrix24/b24-member", FORM, docDeal).expectStatus().isOk();
        post("/hooks/bitrix24/b24-member", FORM, docDeal.replace("a223c6b3710f85df22e9377d6c4f7553", "other"))
                .expectStatus()
                .isUnauthorized();
        // an amoCRM tenant has no Bitrix24 token
        post("/hooks/bitrix24/demo", FORM, docDeal).expectStatus().isUnauthorized();
    }

    @Test
    void wazzup_messages_are_published_and_the_setup_probe_gets_200() {
        post(
                        "/hooks/wazzup/demo/demo-wazzup-secret",
                        MediaType.parseMediaType("application/json;charset=utf-8"),
                        ProviderFixtures.body("wazzup/inbound-message-1.json"))
                .expectStatus()
                .isOk();
        assertThat(((WhatsAppMessageReceived) published().get(1).record()).chatId())
                .isEqualTo("584128027107");

        post("/hooks/wazzup/demo/demo-wazzup-secret", MediaType.APPLICATION_JSON, "{test: true }")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.note")
                .isEqualTo("webhook test probe");
    }

    private WebTestClient.ResponseSpec post(String uri, MediaType type, String body) {
        return http.post().uri(uri).contentType(type).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Outbound> published() {
        ArgumentCaptor<List<Outbound>> captor = ArgumentCaptor.forClass(List.class);
        verify(publisher, org.mockito.Mockito.atLeastOnce()).publishAll(captor.capture(), any());
        return captor.getValue();
    }
}
