package io.slotbridge.gateway.wazzup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.contracts.messaging.WhatsAppStatusUpdated;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WazzupWebhookTest {

    @Test
    void a_captured_inbound_message_is_a_client_message_keyed_by_chat() {
        Parsed parsed = parse(ProviderFixtures.body("wazzup/inbound-message-1.json"));

        var out = ((Parsed.Understood) parsed).records();
        assertThat(out).singleElement().satisfies(o -> assertThat(o.topic())
                .isEqualTo(Topics.MESSAGING_INBOUND.name()));
        WhatsAppMessageReceived message = (WhatsAppMessageReceived) out.get(0).record();
        assertThat(message.messageId()).isEqualTo("dc788040-9983-471c-817a-7eb3a5be3cc9");
        assertThat(message.chatId()).isEqualTo("584128027107");
        assertThat(message.chatType()).isEqualTo("whatsapp");
        assertThat(message.contactName()).isEqualTo("Richard");
        assertThat(message.text()).isEqualTo("Hola");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-07-27T14:50:59.220Z"));
        assertThat(message.isFromClient()).isTrue();
        assertThat(message.kafkaKey()).isEqualTo("demo:584128027107");
    }

    @Test
    void echoes_and_statuses_in_one_body_are_all_published() {
        Parsed parsed = parse("{\"messages\":[{\"messageId\":\"m1\",\"chatId\":\"79990001122\",\"isEcho\":true,"
                + "\"status\":\"sent\",\"dateTime\":\"2025-05-06T14:18:00.001\",\"type\":\"text\",\"text\":\"hi\"}],"
                + "\"statuses\":[{\"messageId\":\"m0\",\"timestamp\":\"2025-02-05T06:01:07.499Z\",\"status\":\"error\","
                + "\"error\":{\"error\":\"24_HOURS_EXCEEDED\",\"description\":\"window closed\"}}]}");

        var records = ((Parsed.Understood) parsed).records();
        WhatsAppMessageReceived echo = (WhatsAppMessageReceived) records.get(0).record();
        WhatsAppStatusUpdated status = (WhatsAppStatusUpdated) records.get(1).record();
        assertThat(echo.echo()).isTrue();
        assertThat(echo.isFromClient()).isFalse();
        assertThat(echo.sentAt()).as("no zone means UTC").isEqualTo(Instant.parse("2025-05-06T14:18:00.001Z"));
        assertThat(status.status()).isEqualTo("error");
        assertThat(status.errorCode()).isEqualTo("24_HOURS_EXCEEDED");
        assertThat(status.kafkaKey()).isEqualTo("demo:m0");
    }

    @Test
    void the_documented_status_webhook_parses_once_its_comments_are_stripped_and_is_unreadable_as_published() {
        String published = ProviderFixtures.body("wazzup/status-webhook.json.txt");
        String stripped = published.replaceAll("//[^\\n]*", "");

        assertThat(parse(published)).isInstanceOf(Parsed.Unreadable.class);
        WhatsAppStatusUpdated status = (WhatsAppStatusUpdated)
                ((Parsed.Understood) parse(stripped)).records().get(0).record();
        assertThat(status.messageId()).isEqualTo("be3dc577-60c4-4fc8-83a5-8c358e0bfe15");
        assertThat(status.status()).isEqualTo("delivered");
        assertThat(status.statusAt()).isEqualTo(Instant.parse("2025-02-05T06:01:07.499Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wazzup/inbound-message-poll-text.json.txt", "wazzup/inbound-message-sticker.json.txt"})
    void documented_examples_that_are_not_json_are_unreadable(String fixture) {
        assertThat(parse(ProviderFixtures.body(fixture)))
                .isInstanceOfSatisfying(
                        Parsed.Unreadable.class, u -> assertThat(u.problem()).startsWith("not JSON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"test\":true}", "{test: true }"})
    void the_setup_probe_is_understood_and_publishes_nothing(String probe) {
        assertThat(parse(probe)).isInstanceOfSatisfying(Parsed.Understood.class, u -> {
            assertThat(u.records()).isEmpty();
            assertThat(u.note()).isEqualTo("webhook test probe");
        });
        assertThat(parse(ProviderFixtures.body("wazzup/test-webhook-on-subscribe.txt")))
                .isInstanceOf(Parsed.Understood.class);
    }

    @Test
    void shapes_that_are_json_but_not_a_wazzup_webhook_are_unreadable() {
        assertThat(parse("[1,2]")).isInstanceOf(Parsed.Unreadable.class);
        assertThat(parse("")).isInstanceOf(Parsed.Unreadable.class);
    }

    private static Parsed parse(String body) {
        return WazzupWebhook.parse(TestRequests.request(IngressSource.WAZZUP, "demo", body, null));
    }
}
