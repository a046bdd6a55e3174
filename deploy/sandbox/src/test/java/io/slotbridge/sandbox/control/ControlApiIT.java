package io.slotbridge.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;

class ControlApiIT extends SandboxIntegrationTest {

    @Test
    void injected_errors_come_in_each_apis_own_shape_and_are_counted() {
        long injectedBefore =
                get("/sandbox/stats", null).json().at("/wazzup/injectedErrors").asLong();
        json("PUT", "/sandbox/faults/wazzup", null, "{\"errorRatio\":1.0,\"errorStatus\":500}");
        json("PUT", "/sandbox/faults/bitrix24", null, "{\"errorRatio\":1.0,\"errorStatus\":503}");
        try {
            Answer wazzup = get("/wazzup/v3/channels", ADMIN);
            assertThat(wazzup.status()).isEqualTo(500);
            assertThat(wazzup.json().path("error").asText()).isEqualTo("UNKNOWN_ERROR");
            assertThat(wazzup.json().has("requestId")).isTrue();
            Answer bitrix = json("POST", "/bitrix24/demo-b24/rest/crm.deal.fields.json", ADMIN, "{}");
            assertThat(bitrix.status()).isEqualTo(503);
            assertThat(bitrix.json().path("error").asText()).isEqualTo("QUERY_LIMIT_EXCEEDED");
        } finally {
            call("DELETE", "/sandbox/faults/wazzup", null, null, null);
            call("DELETE", "/sandbox/faults/bitrix24", null, null, null);
        }
        assertThat(get("/wazzup/v3/channels", ADMIN).status()).isEqualTo(200);
        JsonNode stats = get("/sandbox/stats", null).json();
        assertThat(stats.at("/wazzup/injectedErrors").asLong()).isEqualTo(injectedBefore + 1);
        assertThat(stats.at("/bitrix24/status503").asLong()).isPositive();

        JsonNode log = get("/sandbox/requests?limit=20", null).json();
        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.path("path").asText()).isEqualTo("/wazzup/v3/channels");
            assertThat(entry.path("status").asInt()).isEqualTo(500);
            assertThat(entry.path("method").asText()).isEqualTo("GET");
            assertThat(entry.has("durationMillis")).isTrue();
        });
    }

    @Test
    void invalid_fault_settings_are_a_clear_400() {
        Answer answer = json("PUT", "/sandbox/faults/google", null, "{\"errorRatio\":2}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("errorRatio must be within 0..1");
        assertThat(json("PUT", "/sandbox/faults/nowhere", null, "{}").status()).isEqualTo(400);
    }

    @Test
    void the_page_shows_leads_with_stage_and_fields_and_slots_in_their_google_colour() {
        String account = unique("page");
        call("POST", "/sandbox/amocrm/" + account, null, null, null);
        json(
                "POST",
                "/amocrm/" + account + "/api/v4/leads",
                ADMIN,
                """
                [{"name":"Лид для страницы","status_id":67000003,
                  "custom_fields_values":[{"field_id":970002,"values":[{"enum_id":971002}]}]}]""");
        String now = java.time.OffsetDateTime.now(clock).withNano(0).toString();
        String later =
                java.time.OffsetDateTime.now(clock).plusHours(1).withNano(0).toString();
        json(
                "POST",
                "/google/calendar/v3/calendars/kev-demo@group.calendar.google.com/events",
                ADMIN,
                """
                {"summary":"Встреча на странице","colorId":"10","start":{"dateTime":"%s"},"end":{"dateTime":"%s"}}"""
                        .formatted(now, later));

        Answer page = get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("Лид для страницы", "5. Встреча назначена", "Маша", "Встреча на странице", "#51b749", "Basil")
                .contains("http-equiv=\"refresh\"");
    }

    @Test
    void dropped_webhook_fault_sends_nothing_and_counts_the_drop() {
        String account = unique("drop");
        call("POST", "/sandbox/amocrm/" + account, null, null, null);
        String hook = "/hooks/amocrm/" + account + "/s";
        json(
                "POST",
                "/amocrm/" + account + "/api/v4/webhooks",
                ADMIN,
                "{\"destination\":\"" + receiverUrl(hook) + "\",\"settings\":[\"add_lead\"]}");
        long droppedBefore =
                get("/sandbox/stats", null).json().at("/amocrm/webhooksDropped").asLong();
        json("PUT", "/sandbox/faults/amocrm", null, "{\"droppedWebhookRatio\":1.0}");
        try {
            json("POST", "/amocrm/" + account + "/api/v4/leads", ADMIN, "[{\"name\":\"Потерянный вебхук\"}]");
        } finally {
            call("DELETE", "/sandbox/faults/amocrm", null, null, null);
        }
        assertThat(get("/sandbox/stats", null)
                        .json()
                        .at("/amocrm/webhooksDropped")
                        .asLong())
                .isEqualTo(droppedBefore + 1);
        json("POST", "/amocrm/" + account + "/api/v4/leads", ADMIN, "[{\"name\":\"Доставленный вебхук\"}]");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(hook))))
                        .singleElement()
                        .satisfies(
                                request -> assertThat(request.getBodyAsString()).contains("%D0%94%D0%BE%D1%81")));
    }

    @Test
    void unreadable_requests_get_each_apis_error_shape_not_a_whitelabel_page() {
        Answer amo = json("POST", "/amocrm/demo/api/v4/leads", ADMIN, "[{broken");
        assertThat(amo.status()).isEqualTo(400);
        assertThat(amo.contentType()).startsWith("application/problem+json");
        Answer google =
                json("POST", "/google/calendar/v3/calendars/kev-demo@group.calendar.google.com/events", ADMIN, "{");
        assertThat(google.status()).isEqualTo(400);
        assertThat(google.json().at("/error/errors/0/reason").asText()).isEqualTo("parseError");
        Answer wazzup = json("POST", "/wazzup/v3/message", ADMIN, "not json");
        assertThat(wazzup.status()).isEqualTo(400);
        assertThat(wazzup.json().path("error").asText()).isEqualTo("VALIDATION_ERROR");
        Answer bitrix = json("POST", "/bitrix24/demo-b24/rest/crm.no.such.json", ADMIN, "{}");
        assertThat(bitrix.json().path("error").asText()).isEqualTo("ERROR_METHOD_NOT_FOUND");
    }
}
