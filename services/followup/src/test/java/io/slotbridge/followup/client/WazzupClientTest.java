package io.slotbridge.followup.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ProviderFixtures;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against WireMock answering with Wazzup's documented bodies (contracts test-jar, providers/wazzup). */
class WazzupClientTest {

    static WireMockServer wazzup;
    static WazzupClient client;
    static WazzupAccount account;
    static final OutgoingMessage TEMPLATE =
            OutgoingMessage.template("79031234567", "crm-1", "0b6c2d1e-0000-4000-8000-000000000002", List.of("Семён"));

    @BeforeAll
    static void start() {
        wazzup = new WireMockServer(wireMockConfig().dynamicPort());
        wazzup.start();
        account = new WazzupAccount("demo", wazzup.baseUrl(), "api-key-1", "e0629e11-0f67-4567-92a9-2237e91ec1b9");
        client = new WazzupClient(
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                RateLimiterConfig.custom()
                        .limitForPeriod(500)
                        .limitRefreshPeriod(Duration.ofSeconds(5))
                        .build(),
                ContractJson.mapper(),
                new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        wazzup.stop();
    }

    @BeforeEach
    void reset() {
        wazzup.resetAll();
    }

    static String body201() {
        String body = ProviderFixtures.body("wazzup/send-message-response-201.txt");
        return body.substring(body.indexOf('{'));
    }

    static String error400(String code) {
        for (String part :
                ProviderFixtures.body("wazzup/send-message-errors-400.txt").split("----")) {
            if (part.contains("\"" + code + "\"")) {
                return part.strip();
            }
        }
        throw new IllegalArgumentException(code);
    }

    void answer(int status, String body) {
        wazzup.stubFor(post(urlEqualTo("/v3/message"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void a_template_is_sent_as_documented_and_201_yields_the_message_id() {
        answer(201, body201());

        SendOutcome outcome = client.send(account, TEMPLATE);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("f66c53a6-957a-46b2-b41b-5a2ef4844bcb"));
        wazzup.verify(
                postRequestedFor(urlEqualTo("/v3/message"))
                        .withHeader("Authorization", equalTo("Bearer api-key-1"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"channelId":"e0629e11-0f67-4567-92a9-2237e91ec1b9","chatType":"whatsapp",
                         "chatId":"79031234567","crmMessageId":"crm-1",
                         "templateId":"0b6c2d1e-0000-4000-8000-000000000002","templateValues":["Семён"]}
                        """)));
    }

    @Test
    void free_text_goes_as_text() {
        answer(201, body201());

        client.send(account, OutgoingMessage.text("79031234567", "crm-2", "Здравствуйте!"));

        wazzup.verify(
                postRequestedFor(urlEqualTo("/v3/message"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"channelId":"e0629e11-0f67-4567-92a9-2237e91ec1b9","chatType":"whatsapp",
                         "chatId":"79031234567","crmMessageId":"crm-2","text":"Здравствуйте!"}
                        """)));
    }

    @Test
    void a_repeated_crm_message_id_means_it_was_sent_before_in_either_spelling() {
        String documented = error400("REPEATED_CRM_MESSAGE_ID");
        answer(400, documented);
        assertThat(client.send(account, TEMPLATE)).isInstanceOf(SendOutcome.AlreadySent.class);

        answer(400, documented.replace("REPEATED_CRM_MESSAGE_ID", "repeatedCrmMessageId"));
        assertThat(client.send(account, TEMPLATE)).isInstanceOf(SendOutcome.AlreadySent.class);
    }

    @Test
    void documented_validation_errors_are_permanent() {
        answer(400, error400("WRONG_TRANSPORT"));
        assertThat(client.send(account, TEMPLATE))
                .isEqualTo(new SendOutcome.Rejected(
                        "WRONG_TRANSPORT", "You can't send message to vk chat from whatsapp transport"));

        answer(400, error400("INVALID_MESSAGE_DATA"));
        assertThat(client.send(account, TEMPLATE)).isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void channel_problems_hold_the_run_and_nothing_went_out() {
        answer(400, error400("WRONG_TRANSPORT").replace("WRONG_TRANSPORT", "CHANNEL_NO_MONEY"));
        SendOutcome noMoney = client.send(account, TEMPLATE);
        assertThat(noMoney).isInstanceOf(SendOutcome.ChannelProblem.class);
        assertThat(noMoney.maybeDelivered()).isFalse();

        answer(401, "");
        assertThat(client.send(account, TEMPLATE)).isEqualTo(new SendOutcome.ChannelProblem("HTTP 401", null));
    }

    @Test
    void rate_limiting_and_server_errors_are_transient_and_only_5xx_may_have_sent() {
        answer(429, "");
        assertThat(client.send(account, TEMPLATE)).isEqualTo(new SendOutcome.Transient("HTTP 429", null, false));

        answer(503, "");
        assertThat(client.send(account, TEMPLATE)).isEqualTo(new SendOutcome.Transient("HTTP 503", null, true));
    }

    @Test
    void a_timeout_after_connecting_may_have_sent_a_refused_connection_did_not() throws Exception {
        wazzup.stubFor(post(urlEqualTo("/v3/message"))
                .willReturn(aResponse().withStatus(201).withBody(body201()).withFixedDelay(5_000)));
        SendOutcome slow = client.send(account, TEMPLATE);
        assertThat(slow).isInstanceOf(SendOutcome.Transient.class);
        assertThat(slow.maybeDelivered()).isTrue();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WazzupAccount down = new WazzupAccount("demo", "http://localhost:" + closedPort, "k", "c");
        SendOutcome refused = client.send(down, TEMPLATE);
        assertThat(refused).isInstanceOf(SendOutcome.Transient.class);
        assertThat(refused.maybeDelivered()).isFalse();
    }

    @Test
    void templates_are_read_from_a_bare_array_or_a_data_wrapper() {
        String template = "{\"templateGuid\":\"g1\",\"title\":\"Игнор\",\"status\":\"approved\"}";
        wazzup.stubFor(get(urlPathEqualTo("/v3/templates/whatsapp"))
                .willReturn(aResponse().withBody("[" + template + "]")));
        assertThat(client.templates(account)).containsExactly(new WazzupTemplate("g1", "Игнор", "approved", null));

        wazzup.stubFor(get(urlPathEqualTo("/v3/templates/whatsapp"))
                .willReturn(aResponse().withBody("{\"data\":[" + template.replace("approved", "rejected") + "]}")));
        assertThat(client.templates(account)).singleElement().satisfies(t -> assertThat(t.isApproved())
                .isFalse());
    }

    @Test
    void subscribing_webhooks_accepts_the_documented_non_json_ok_and_reports_test_post_failures() {
        String documentedOk = ProviderFixtures.body("wazzup/webhooks-patch-request-and-errors.txt")
                .split("--- response ---")[1]
                .split("--- errors ---")[0]
                .strip();
        wazzup.stubFor(patch(urlEqualTo("/v3/webhooks")).willReturn(aResponse().withBody(documentedOk)));

        client.subscribeWebhooks(account, "https://slotbridge.example.com/hooks/wazzup/demo/s3cret");

        wazzup.verify(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(urlEqualTo("/v3/webhooks"))
                .withRequestBody(equalToJson("{\"webhooksUri\":\"https://slotbridge.example.com/hooks/wazzup/demo/"
                        + "s3cret\",\"subscriptions\":{\"messagesAndStatuses\":true}}")));

        wazzup.stubFor(
                patch(urlEqualTo("/v3/webhooks"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withBody(
                                                "{\"error\":\"testPostNotPassed\",\"description\":\"URI does not return 200 OK on test request\"}")));
        assertThatThrownBy(() -> client.subscribeWebhooks(account, "https://x.example/hook"))
                .isInstanceOf(WazzupException.class)
                .hasMessageContaining("testPostNotPassed")
                .satisfies(e -> assertThat(((WazzupException) e).code()).isEqualTo("testPostNotPassed"));
    }
}
