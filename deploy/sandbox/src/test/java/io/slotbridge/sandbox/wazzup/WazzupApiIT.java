package io.slotbridge.sandbox.wazzup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.sandbox.SandboxIntegrationTest;
import io.slotbridge.sandbox.control.DemoSeed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WazzupApiIT extends SandboxIntegrationTest {

    private static final String KEY = "Bearer " + DemoSeed.WAZZUP_KEY;

    @Test
    void channels_and_approved_templates_of_the_demo_tenant() {
        JsonNode channels = get("/wazzup/v3/channels", KEY).json();
        assertThat(channels.isArray()).isTrue();
        assertThat(channels.findValuesAsText("channelId")).containsExactly(DemoSeed.WAZZUP_CHANNEL);
        assertThat(channels.at("/0/state").asText()).isEqualTo("active");
        assertThat(get("/wazzup/v3/channels", ADMIN).json().findValuesAsText("channelId"))
                .contains(DemoSeed.WAZZUP_CHANNEL, DemoSeed.B24_WAZZUP_CHANNEL);

        JsonNode templates = get("/wazzup/v3/templates/whatsapp", KEY).json();
        assertThat(templates.findValuesAsText("title"))
                .containsExactly("Первое сообщение", "Аудио Михаила Николаевича", "Игнор", "Полный игнор");
        assertThat(templates.findValuesAsText("status")).containsOnly("approved");
        assertThat(get("/wazzup/v3/templates/whatsapp?limit=3&offset=3", KEY)
                        .json()
                        .findValuesAsText("title"))
                .containsExactly("Полный игнор");
        assertThat(get("/wazzup/v3/channels", "Bearer wrong").status()).isEqualTo(401);
    }

    @Test
    void send_answers_201_and_a_repeated_crm_message_id_within_60_seconds_is_rejected_like_wazzup() throws IOException {
        String crmMessageId = unique("followup-");
        String body =
                """
                {"channelId":"%s","chatType":"whatsapp","chatId":"79991234567","crmMessageId":"%s",
                 "templateId":"0b6c2d1e-0000-4000-8000-000000000002","templateValues":["Анна"]}"""
                        .formatted(DemoSeed.WAZZUP_CHANNEL, crmMessageId);
        Answer sent = json("POST", "/wazzup/v3/message", KEY, body);
        assertThat(sent.status()).isEqualTo(201);
        JsonNode documented = JSON.readTree(ProviderFixtures.body("wazzup/send-message-response-201.txt")
                .substring(ProviderFixtures.body("wazzup/send-message-response-201.txt")
                        .indexOf('{')));
        assertThat(fieldNames(sent.json())).isEqualTo(fieldNames(documented));
        assertThat(sent.json().path("chatId").asText()).isEqualTo("79991234567");

        Answer repeated = json("POST", "/wazzup/v3/message", KEY, body);
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.json().path("error").asText()).isEqualTo("REPEATED_CRM_MESSAGE_ID");
        assertThat(repeated.json().at("/data/crmMessageId").asText()).isEqualTo(crmMessageId);
        String errors = ProviderFixtures.body("wazzup/send-message-errors-400.txt");
        JsonNode documentedError = JSON.readTree(errors.substring(errors.lastIndexOf("----") + 4));
        assertThat(fieldNames(repeated.json())).isEqualTo(fieldNames(documentedError));

        clock.advance(Duration.ofSeconds(61));
        assertThat(json("POST", "/wazzup/v3/message", KEY, body).status()).isEqualTo(201);

        Answer invalid = json(
                "POST",
                "/wazzup/v3/message",
                KEY,
                "{\"chatType\":\"whatsapp\",\"chatId\":\"79991234567\",\"text\":\"hi\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").asText()).isEqualTo("INVALID_MESSAGE_DATA");
        assertThat(invalid.json().at("/data/fields/0").asText()).isEqualTo("channelId");
        Answer wrongValues = json(
                "POST",
                "/wazzup/v3/message",
                KEY,
                body.replace("[\"Анна\"]", "[]").replace(crmMessageId, crmMessageId + "x"));
        assertThat(wrongValues.status()).isEqualTo(400);
    }

    @Test
    void webhook_subscription_needs_the_test_probe_answered_200_then_statuses_and_replies_arrive() {
        String hook = "/hooks/wazzup/" + unique("t");
        String failing = "/hooks/wazzup/failing";
        receiver.stubFor(post(urlEqualTo(failing)).willReturn(aResponse().withStatus(500)));

        Answer refused = json(
                "PATCH",
                "/wazzup/v3/webhooks",
                "Bearer " + DemoSeed.B24_WAZZUP_KEY,
                """
                {"webhooksUri":"%s","subscriptions":{"messagesAndStatuses":true}}"""
                        .formatted(receiverUrl(failing)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("testPostNotPassed");
        assertThat(json("PATCH", "/wazzup/v3/webhooks", KEY, "{\"webhooksUri\":\"not a uri\"}")
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("uriNotValid");

        Answer subscribed = json(
                "PATCH",
                "/wazzup/v3/webhooks",
                KEY,
                """
                {"webhooksUri":"%s","subscriptions":{"messagesAndStatuses":true}}"""
                        .formatted(receiverUrl(hook)));
        assertThat(subscribed.status()).isEqualTo(200);
        receiver.verify(postRequestedFor(urlEqualTo(hook)).withRequestBody(equalToJson("{\"test\":true}")));
        assertThat(get("/wazzup/v3/webhooks", KEY).json().path("webhooksUri").asText())
                .isEqualTo(receiverUrl(hook));

        String messageId = json(
                        "POST",
                        "/wazzup/v3/message",
                        KEY,
                        """
                {"channelId":"%s","chatType":"whatsapp","chatId":"79990000042","text":"Здравствуйте!"}"""
                                .formatted(DemoSeed.WAZZUP_CHANNEL))
                .json()
                .path("messageId")
                .asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statuses(hook, messageId))
                .containsExactly("sent", "delivered", "read"));

        json(
                "POST",
                "/sandbox/wazzup/replies",
                null,
                """
                {"channelId":"%s","chatId":"79990000042","text":"Да, удобно","name":"Анна"}"""
                        .formatted(DemoSeed.WAZZUP_CHANNEL));
        json(
                "POST",
                "/sandbox/wazzup/replies",
                null,
                """
                {"channelId":"%s","chatId":"79990000042","text":"Перезвоню","echo":true}"""
                        .formatted(DemoSeed.WAZZUP_CHANNEL));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(messages(hook)).hasSize(2));
        List<JsonNode> inbound = messages(hook);
        JsonNode reply = inbound.stream()
                .filter(m -> !m.path("isEcho").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(reply.path("status").asText()).isEqualTo("inbound");
        assertThat(reply.path("text").asText()).isEqualTo("Да, удобно");
        assertThat(reply.at("/contact/name").asText()).isEqualTo("Анна");
        assertThat(reply.path("channelId").asText()).isEqualTo(DemoSeed.WAZZUP_CHANNEL);
        JsonNode echo = inbound.stream()
                .filter(m -> m.path("isEcho").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(echo.path("text").asText()).isEqualTo("Перезвоню");
        // Field names as in the real inbound capture.
        JsonNode real =
                readJson(ProviderFixtures.body("wazzup/inbound-message-1.json")).at("/messages/0");
        assertThat(fieldNames(reply))
                .containsAll(List.of(
                        "messageId",
                        "dateTime",
                        "channelId",
                        "chatType",
                        "chatId",
                        "type",
                        "isEcho",
                        "text",
                        "status"));
        assertThat(fieldNames(real))
                .containsAll(fieldNames(reply).stream()
                        .filter(f -> !"contact".equals(f))
                        .toList());
    }

    private List<String> statuses(String hook, String messageId) {
        List<String> statuses = new ArrayList<>();
        for (LoggedRequest request : receiver.findAll(postRequestedFor(urlEqualTo(hook)))) {
            JsonNode body = readJson(request.getBodyAsString());
            for (JsonNode status : body.path("statuses")) {
                if (messageId.equals(status.path("messageId").asText())) {
                    statuses.add(status.path("status").asText());
                }
            }
        }
        return statuses;
    }

    private List<JsonNode> messages(String hook) {
        List<JsonNode> messages = new ArrayList<>();
        for (LoggedRequest request : receiver.findAll(postRequestedFor(urlEqualTo(hook)))) {
            readJson(request.getBodyAsString()).path("messages").forEach(messages::add);
        }
        return messages;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
