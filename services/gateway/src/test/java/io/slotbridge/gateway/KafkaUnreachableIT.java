package io.slotbridge.gateway;

import io.slotbridge.contracts.ProviderFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Kafka never reachable (the gateway started while the broker is down, so the producer has no metadata and
 * {@code send} waits up to {@code max.block.ms}): every request must still be answered, 503 with Retry-After, inside
 * the 1.5 s budget amoCRM's 2 s timeout leaves us. The client's response timeout is the assertion: a slower answer
 * fails the test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "spring.config.import=classpath:gateway-test-tenants.yml",
            "slotbridge.kafka.create-topics=false"
        })
class KafkaUnreachableIT {

    static final Duration BUDGET = Duration.ofMillis(1500);

    @DynamicPropertySource
    static void brokerThatIsNotThere(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
    }

    @Autowired
    WebTestClient http;

    @Test
    void each_request_is_answered_503_with_retry_after_within_the_budget() {
        WebTestClient client = http.mutate().responseTimeout(BUDGET).build();

        for (int attempt = 0; attempt < 3; attempt++) {
            client.post()
                    .uri("/hooks/amocrm/fixtures/fixtures-secret")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue(ProviderFixtures.body("amocrm/status-change-2.txt"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
