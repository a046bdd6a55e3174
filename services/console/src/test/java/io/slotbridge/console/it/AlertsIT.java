package io.slotbridge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.slotbridge.console.alert.app.AlertBook;
import io.slotbridge.console.alert.app.AlertEvaluator;
import io.slotbridge.console.alert.domain.Notice;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/** Alert rules over the projection, delivered to (a stub of) the Telegram Bot API once, not as a storm. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsIT extends ConsoleIntegrationTest {

    private static final String SEND = "/bot" + BOT_TOKEN + "/sendMessage";

    @Autowired
    AlertEvaluator evaluator;

    @Autowired
    AlertBook book;

    @BeforeEach
    void telegramAccepts() {
        TELEGRAM.resetAll();
        TELEGRAM.stubFor(post(urlEqualTo(SEND))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1763889300,"
                                + "\"chat\":{\"id\":-1001234567890,\"type\":\"supergroup\"},\"text\":\"…\"}}")));
    }

    @Test
    @Order(1)
    void a_blocked_crm_alerts_once_and_its_recovery_is_announced() throws IOException {
        String tenant = "it-alerts-" + UUID.randomUUID().toString().substring(0, 8);
        report(tenant, "blocked", 3L);
        eventually().until(() -> hasStatus(tenant, "blocked"));

        List<Notice> first = evaluator.evaluate();
        List<Notice> second = evaluator.evaluate();

        assertThat(first)
                .anyMatch(n ->
                        n.tenant().equals(tenant) && n.rule().equals("crm-blocked") && n.kind() == Notice.Kind.FIRING);
        assertThat(second).noneMatch(n -> n.tenant().equals(tenant));
        List<LoggedRequest> sent = TELEGRAM.findAll(postRequestedFor(urlEqualTo(SEND)));
        assertThat(sent).hasSize(1);
        JsonNode message = ContractJson.mapper().readTree(sent.get(0).getBodyAsString());
        assertThat(message.path("chat_id").asText()).isEqualTo(CHAT_ID);
        assertThat(message.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(message.path("text").asText())
                .contains("<b>crm-blocked</b>")
                .contains(tenant)
                .contains("amoCRM blocks our requests (403, 3 in the last minute)");
        assertThat(book.openFor(tenant)).extracting(AlertBook.Alert::rule).containsExactly("crm-blocked");

        report(tenant, "ok", 0L);
        eventually().until(() -> hasStatus(tenant, "ok"));
        List<Notice> third = evaluator.evaluate();

        assertThat(third).anyMatch(n -> n.tenant().equals(tenant) && n.kind() == Notice.Kind.RESOLVED);
        assertThat(book.openFor(tenant)).isEmpty();
        TELEGRAM.verify(2, postRequestedFor(urlEqualTo(SEND)));
        TELEGRAM.verify(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(matchingJsonPath(
                        "$.text",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("✅ resolved: <b>crm-blocked</b>"))));
    }

    @Test
    @Order(2)
    void when_telegram_answers_429_the_alert_stays_due_and_nothing_is_sent_until_retry_after_passes() {
        String tenant = "it-alerts-" + UUID.randomUUID().toString().substring(0, 8);
        TELEGRAM.resetAll();
        TELEGRAM.stubFor(post(urlEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderFixtures.body("telegram/error-429-too-many-requests.json.txt"))));
        report(tenant, "needs-reauth", 0L);
        eventually().until(() -> hasStatus(tenant, "needs-reauth"));

        List<Notice> first = evaluator.evaluate();
        List<Notice> second = evaluator.evaluate();

        assertThat(first).anyMatch(n -> n.tenant().equals(tenant) && n.rule().equals("token-refresh-failing"));
        assertThat(second).anyMatch(n -> n.tenant().equals(tenant) && n.kind() == Notice.Kind.FIRING);
        TELEGRAM.verify(1, postRequestedFor(urlEqualTo(SEND)));
        AlertBook.Alert alert = book.openFor(tenant).get(0);
        assertThat(alert.notifiedAt()).isNull();
        assertThat(alert.notifyError()).contains("Telegram asked to wait 15 s");
    }

    private void report(String tenant, String status, long blocked) {
        kafka.publish(
                Topics.OPS_REPORTS,
                new ConnectionStatusReported(
                        UUID.randomUUID().toString(),
                        tenant,
                        Instant.now(),
                        "crm-connector",
                        "crm-connector-1",
                        "amocrm",
                        status,
                        Instant.now().plusSeconds(3_600),
                        null,
                        7.0,
                        60L,
                        0L,
                        blocked,
                        null,
                        Map.of()));
    }

    private boolean hasStatus(String tenant, String status) {
        return jdbc.queryForList("select status from connection_status where tenant = ?", String.class, tenant)
                .contains(status);
    }
}
