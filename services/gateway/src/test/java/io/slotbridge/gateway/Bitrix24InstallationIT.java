package io.slotbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.contracts.crm.CrmAppUninstalled;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadHint;
import io.slotbridge.contracts.ingress.RawIngress;
import io.slotbridge.contracts.ingress.RawWebhookReceived;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24InstalledEventsTest;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import io.slotbridge.platform.test.EmbeddedInfra;
import io.slotbridge.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A Bitrix24 tenant without a token in the tenants file ({@code b24-installed}): its events are refused until the
 * crm-connector's verified installation is on {@code crm.installations.v1}; then the installed application token is
 * accepted and any other refused, until its verified uninstall arrives on the same topic. Same context as
 * {@link GatewayIT} (same configuration, so it is reused).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "spring.config.import=file:../../deploy/tenants/demo.yml,classpath:gateway-test-tenants.yml",
            "slotbridge.gateway.ack-timeout=20s",
            "spring.kafka.producer.properties.max.block.ms=15000",
            "spring.kafka.producer.properties.request.timeout.ms=15000",
            "spring.kafka.producer.properties.delivery.timeout.ms=19000"
        })
@EmbeddedInfra(postgres = false)
@AutoConfigureObservability(tracing = false)
class Bitrix24InstallationIT {

    static final String TENANT = "b24-installed";
    static final String MEMBER = "9a1f68a4c3b0e1d2f7a6b5c4d3e2f1a0";

    @Autowired
    WebTestClient http;

    private final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void after_the_installation_is_on_kafka_its_token_is_accepted_and_another_token_is_refused() {
        String token = UUID.randomUUID().toString().replace("-", "");
        String deal = TestRequests.formBodyOfJson(ProviderFixtures.body("bitrix24/crm-deal-update-app-event.json.txt"))
                .replace("a223c6b3710f85df22e9377d6c4f7553", MEMBER);
        String ours = deal.replace("51856fefc120afa4b628cc82d3935cce", token);
        String another = deal.replace(
                "51856fefc120afa4b628cc82d3935cce", UUID.randomUUID().toString().replace("-", ""));
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        assertThat(status(ours)).isEqualTo(401);

        kafka.publish(
                Topics.CRM_INSTALLATIONS,
                new CrmAppInstalled(
                        "inst-" + token,
                        TENANT,
                        Instant.now(),
                        CrmKind.BITRIX24,
                        MEMBER,
                        "b24-installed.bitrix24.ru",
                        CrmAppInstalled.digestOf(token)));

        // the listener reads the installation in the background; until then the event is refused as before
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> status(ours) == 200);
        ConsumerRecord<String, byte[]> hint = kafka
                .read(Topics.CRM_LEAD_HINTS.name(), Duration.ofSeconds(30), seen -> seen.stream()
                        .anyMatch(r -> (TENANT + ":759").equals(r.key())))
                .stream()
                .filter(r -> (TENANT + ":759").equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(((LeadChangeNoticed) ContractJson.fromBytes(hint.value(), LeadHint.class)).tenant())
                .isEqualTo(TENANT);
        assertThat(status(another)).isEqualTo(401);

        // the install event itself, posted to the events endpoint: accepted by its token, archived without tokens
        String install = Bitrix24InstalledEventsTest.appInstallBody(token, MEMBER);
        assertThat(status(Bitrix24InstalledEventsTest.appInstallBody(
                        UUID.randomUUID().toString().replace("-", ""), MEMBER)))
                .isEqualTo(401);
        String rawEventId = http.post()
                .uri("/hooks/bitrix24/" + TENANT)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(install)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("eventId")
                .asText();
        ConsumerRecord<String, byte[]> archive = kafka
                .read(Topics.INGRESS_RAW.name(), Duration.ofSeconds(30), seen -> seen.stream()
                        .anyMatch(r -> rawEventId.equals(KafkaProbe.header(r, CloudEvents.ID))))
                .stream()
                .filter(r -> rawEventId.equals(KafkaProbe.header(r, CloudEvents.ID)))
                .findFirst()
                .orElseThrow();
        RawWebhookReceived raw = (RawWebhookReceived) ContractJson.fromBytes(archive.value(), RawIngress.class);
        assertThat(raw.body()).contains("event=ONAPPINSTALL").doesNotContain(token);

        // the portal removes the application and the crm-connector publishes the verified uninstall: this gateway
        // reads it and refuses the token from then on; an uninstall of an earlier token would have changed nothing
        kafka.publish(
                Topics.CRM_INSTALLATIONS,
                new CrmAppUninstalled(
                        "uninst-" + token,
                        TENANT,
                        Instant.now(),
                        CrmKind.BITRIX24,
                        MEMBER,
                        CrmAppInstalled.digestOf(token),
                        false));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> status(ours) == 401);
    }

    private int status(String body) {
        return http.post()
                .uri("/hooks/bitrix24/" + TENANT)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(body)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }
}
