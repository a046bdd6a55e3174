package io.slotbridge.console.alert.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.slotbridge.console.alert.AlertProperties;
import io.slotbridge.contracts.ProviderFixtures;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The Bot API client against a stub that answers like Telegram does (bodies from the captured fixtures). */
class TelegramClientTest {

    private static final String TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String SEND = "/bot" + TOKEN + "/sendMessage";
    private static final WireMockServer TELEGRAM =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeAll
    static void start() {
        TELEGRAM.start();
    }

    @AfterAll
    static void stop() {
        TELEGRAM.stop();
    }

    @BeforeEach
    void reset() {
        TELEGRAM.resetAll();
    }

    @Test
    void sends_html_to_the_chat_and_accepts_ok_true() {
        TELEGRAM.stubFor(post(urlEqualTo(SEND))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1763889300,\"chat\":{\"id\":-100,"
                                + "\"type\":\"supergroup\"},\"text\":\"x\"}}")));

        TelegramClient.Result result = client(TELEGRAM.baseUrl()).send("<b>hi</b> &amp; bye");

        assertThat(result.ok()).as(result.problem()).isTrue();
        TELEGRAM.verify(postRequestedFor(urlEqualTo(SEND))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":\"-1001234567890\",\"text\":\"<b>hi</b> &amp; bye\","
                        + "\"parse_mode\":\"HTML\",\"link_preview_options\":{\"is_disabled\":true}}")));
    }

    @Test
    void a_429_says_how_long_to_wait() {
        TELEGRAM.stubFor(post(urlEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderFixtures.body("telegram/error-429-pretty.json.txt"))));

        TelegramClient.Result result = client(TELEGRAM.baseUrl()).send("x");

        assertThat(result.ok()).isFalse();
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(34));
        assertThat(result.permanent()).isFalse();
        assertThat(result.problem()).contains("Too Many Requests: retry after 34");
    }

    @Test
    void a_bad_chat_is_permanent_and_the_token_never_appears_in_problems() {
        TELEGRAM.stubFor(post(urlEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}")));

        TelegramClient.Result badChat = client(TELEGRAM.baseUrl()).send("x");
        TelegramClient.Result unreachable = client("http://127.0.0.1:9").send("x");

        assertThat(badChat.permanent()).isTrue();
        assertThat(badChat.problem()).isEqualTo("Telegram answered 400: Bad Request: chat not found");
        assertThat(unreachable.ok()).isFalse();
        assertThat(unreachable.problem()).startsWith("Telegram unreachable").doesNotContain("AAHdqTcv");
    }

    private static TelegramClient client(String baseUrl) {
        AlertProperties properties = new AlertProperties(
                true,
                Duration.ofMinutes(1),
                Duration.ofHours(4),
                Duration.ofMinutes(15),
                1,
                1000,
                Duration.ofHours(1),
                Duration.ofMinutes(10),
                Set.of(),
                "test",
                // a generous read timeout: the first call into a cold WireMock on a loaded machine can take seconds
                new AlertProperties.Telegram(TOKEN, "-1001234567890", URI.create(baseUrl), 20, Duration.ofSeconds(15)));
        return new TelegramClient(properties, RestClient.builder());
    }
}
