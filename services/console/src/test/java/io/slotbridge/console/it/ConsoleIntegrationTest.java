package io.slotbridge.console.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.slotbridge.platform.test.EmbeddedInfra;
import io.slotbridge.platform.test.KafkaProbe;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context of the console's integration tests: the real console on a random port against the JVM's
 * embedded Kafka and PostgreSQL, the real demo tenants file, Prometheus metrics on, and a WireMock standing in for the Telegram Bot API.
 * Every test uses its own lead ids or tenant, so the tests share the context and the projection safely.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=console")
@ActiveProfiles("it")
@EmbeddedInfra
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
public abstract class ConsoleIntegrationTest {

    static final String BOT_TOKEN = "123456:it-bot-token";
    static final String CHAT_ID = "-1001234567890";

    static final WireMockServer TELEGRAM = startTelegram();

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MockMvc mvc;

    protected final KafkaProbe kafka = KafkaProbe.shared();

    private static WireMockServer startTelegram() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "telegram-stub-stop"));
        return server;
    }

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("slotbridge.console.alerts.telegram.base-url", TELEGRAM::baseUrl);
        registry.add("slotbridge.console.alerts.telegram.bot-token", () -> BOT_TOKEN);
        registry.add("slotbridge.console.alerts.telegram.chat-id", () -> CHAT_ID);
    }

    /** Projection happens asynchronously (the console consumes like any service): wait for it. */
    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200));
    }
}
