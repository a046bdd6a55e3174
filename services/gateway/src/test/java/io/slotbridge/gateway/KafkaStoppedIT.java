package io.slotbridge.gateway;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The broker dies while the gateway runs (metadata cached, records queue in the producer until their delivery
 * timeout): requests that were answered 200 before are answered 503 with Retry-After afterwards, each inside the
 * 1.5 s budget — asserted by the client's response timeout, not by measuring.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "spring.config.import=classpath:gateway-test-tenants.yml"})
class KafkaStoppedIT {

    static final Duration BUDGET = Duration.ofMillis(1500);

    /** A broker of its own: stopping the JVM's shared one would break every other test. */
    static final EmbeddedKafkaKraftBroker BROKER =
            new EmbeddedKafkaKraftBroker(1, 1, Topics.allNamesWithDlts().toArray(String[]::new));

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        BROKER.afterPropertiesSet();
        registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.destroy();
    }

    @Autowired
    WebTestClient http;

    @Test
    void once_the_broker_is_gone_each_request_is_answered_503_with_retry_after_within_the_budget() {
        // The first send also fetches topic metadata, which a busy machine may not finish within the producer's
        // short max.block.ms; the precondition is only that a running broker gets the request stored.
        WebTestClient patient =
                http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> post(patient).expectStatus().isOk());

        BROKER.destroy();

        WebTestClient client = http.mutate().responseTimeout(BUDGET).build();
        for (int attempt = 0; attempt < 3; attempt++) {
            post(client).expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "5");
        }
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client) {
        return client.post()
                .uri("/hooks/amocrm/fixtures/fixtures-secret")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(ProviderFixtures.body("amocrm/lead-update-1.txt"))
                .exchange();
    }
}
