package io.slotbridge.sandbox.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.sandbox.SandboxIntegrationTest;
import io.slotbridge.sandbox.core.PhpForm;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class BitrixRestIT extends SandboxIntegrationTest {

    @Test
    void demo_portal_has_the_stages_pipeline_and_labelled_user_fields() {
        JsonNode stages = rest("demo-b24", "crm.status.list", "{\"filter\":{\"ENTITY_ID\":\"DEAL_STAGE\"}}")
                .json();
        assertThat(stages.path("result").findValuesAsText("NAME"))
                .containsExactly(
                        "Первичный контакт",
                        "Квалифицирован",
                        "5. Встреча назначена",
                        "6. Встреча проведена",
                        "Не дозвонились",
                        "Успешно реализовано",
                        "Отказ. Сделка закрыта");
        assertThat(stages.at("/result/6/EXTRA/SEMANTICS").asText()).isEqualTo("failure");
        assertThat(stages.at("/result/5/SEMANTICS").asText()).isEqualTo("S");
        assertThat(stages.has("time")).isTrue();

        JsonNode categories =
                rest("demo-b24", "crm.category.list", "{\"entityTypeId\":2}").json();
        assertThat(categories.at("/result/categories/0/name").asText()).isEqualTo("Воронка");

        JsonNode fields = rest("demo-b24", "crm.deal.fields", "{}").json().path("result");
        JsonNode expert = fields.path(BitrixSeed.FIELD_EXPERT);
        assertThat(expert.path("listLabel").asText()).isEqualTo("Сотрудник, который будет проводить встречу");
        assertThat(expert.path("items").findValuesAsText("VALUE")).containsExactly("Паша", "Маша", "Михаил Николаевич");
        assertThat(fields.path(BitrixSeed.FIELD_MEETING_TIME).path("formLabel").asText())
                .isEqualTo("Дата и время встречи");
    }

    @Test
    void deals_are_added_updated_listed_and_fire_form_encoded_events_also_for_our_own_updates() {
        String portal = portal();
        String hook = "/hooks/bitrix24/" + portal;
        assertThat(rest(
                                portal,
                                "event.bind",
                                "{\"event\":\"ONCRMDEALUPDATE\",\"handler\":\"" + receiverUrl(hook) + "\"}")
                        .json()
                        .path("result")
                        .asBoolean())
                .isTrue();
        assertThat(rest(
                                portal,
                                "event.bind",
                                "{\"event\":\"onCrmDealUpdate\",\"handler\":\"" + receiverUrl(hook) + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(rest(portal, "event.get", "{}").json().at("/result/0/event").asText())
                .isEqualTo("ONCRMDEALUPDATE");

        long id = rest(
                        portal,
                        "crm.deal.add",
                        """
                {"fields":{"TITLE":"Сделка Анны","STAGE_ID":"PREPARATION","%s":"112"}}"""
                                .formatted(BitrixSeed.FIELD_CATEGORY))
                .json()
                .path("result")
                .asLong();
        Answer updated = rest(
                portal,
                "crm.deal.update",
                """
                {"id":%d,"fields":{"STAGE_ID":"PREPAYMENT_INVOICE","%s":"2026-03-03T10:00:00+03:00","%s":"101"}}"""
                        .formatted(id, BitrixSeed.FIELD_MEETING_TIME, BitrixSeed.FIELD_EXPERT));
        assertThat(updated.json().path("result").asBoolean()).isTrue();

        JsonNode deal =
                rest(portal, "crm.deal.get", "{\"id\":" + id + "}").json().path("result");
        assertThat(deal.path("ID").asText()).isEqualTo(String.valueOf(id));
        assertThat(deal.path("STAGE_ID").asText()).isEqualTo("PREPAYMENT_INVOICE");
        assertThat(deal.path(BitrixSeed.FIELD_EXPERT).asText()).isEqualTo("101");
        assertThat(deal.path(BitrixSeed.FIELD_MEETING_TIME).asText()).isEqualTo("2026-03-03T10:00:00+03:00");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo(hook))))
                        .isNotEmpty());
        LoggedRequest event =
                receiver.findAll(postRequestedFor(urlEqualTo(hook))).get(0);
        assertThat(event.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, Object> body = PhpForm.parse(event.getBodyAsString());
        assertThat(body.get("event")).isEqualTo("ONCRMDEALUPDATE");
        assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("FIELDS")).get("ID"))
                .isEqualTo(String.valueOf(id));
        assertThat(((Map<?, ?>) body.get("auth")).get("application_token")).isEqualTo(portal + "-token");
        // The real outgoing-webhook body (contracts fixture) has the same top-level keys and auth keys.
        Map<String, Object> real = PhpForm.parse(ProviderFixtures.body("bitrix24/lead-add-1.txt"));
        assertThat(body.keySet()).containsAll(real.keySet());
        assertThat(((Map<?, ?>) body.get("auth"))
                        .keySet().stream().map(String::valueOf).toList())
                .containsAll(((Map<?, ?>) real.get("auth"))
                        .keySet().stream().map(String::valueOf).toList());

        JsonNode list = rest(
                        portal,
                        "crm.deal.list",
                        """
                {"filter":{"STAGE_ID":"PREPAYMENT_INVOICE"},"select":["ID","TITLE","UF_*"]}""")
                .json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.at("/result/0/TITLE").asText()).isEqualTo("Сделка Анны");
        assertThat(list.at("/result/0/STAGE_ID").isMissingNode()).isTrue();
        assertThat(list.at("/result/0/" + BitrixSeed.FIELD_CATEGORY).asText()).isEqualTo("112");

        JsonNode item = rest(portal, "crm.item.get", "{\"entityTypeId\":2,\"id\":" + id + "}")
                .json();
        assertThat(item.at("/result/item/stageId").asText()).isEqualTo("PREPAYMENT_INVOICE");
        assertThat(item.at("/result/item/id").isNumber()).isTrue();
        assertThat(item.at("/result/item/ufCrm1718000000002").asText()).isEqualTo("101");
        JsonNode moved = rest(
                        portal,
                        "crm.item.update",
                        "{\"entityTypeId\":2,\"id\":" + id + ",\"fields\":{\"stageId\":\"LOSE\"}}")
                .json();
        assertThat(moved.at("/result/item/stageSemanticId").asText()).isEqualTo("F");

        assertThat(rest(portal, "crm.deal.get", "{\"id\":999999}").status()).isEqualTo(400);
        Answer badEnum = rest(
                portal,
                "crm.deal.update",
                "{\"id\":" + id + ",\"fields\":{\"" + BitrixSeed.FIELD_EXPERT + "\":\"999\"}}");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().has("error_description")).isTrue();
    }

    @Test
    void batch_runs_commands_refers_back_and_reports_errors_per_key_with_php_empty_arrays() {
        String portal = portal();
        JsonNode ok = rest(
                        portal,
                        "batch",
                        """
                {"halt":0,"cmd":{"add":"crm.deal.add?fields[TITLE]=Пакет","get":"crm.deal.get?id=$result[add]"}}""")
                .json();
        assertThat(ok.at("/result/result/get/TITLE").asText()).isEqualTo("Пакет");
        assertThat(ok.at("/result/result_error").isArray()).isTrue();
        assertThat(ok.at("/result/result_error")).isEmpty();

        JsonNode errors = rest(
                        portal,
                        "batch",
                        """
                {"halt":1,"cmd":{"missing":"crm.deal.get?id=999999","never":"crm.deal.fields"}}""")
                .json();
        assertThat(errors.at("/result/result_error/missing/error_description").asText())
                .isEqualTo("Not found");
        assertThat(errors.at("/result/result").isArray()).isTrue();
        assertThat(errors.at("/result/result")).isEmpty();

        StringBuilder cmd = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            cmd.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":\"crm.deal.fields\"");
        }
        Answer tooMany = rest(portal, "batch", "{\"cmd\":{" + cmd + "}}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("error").asText()).isEqualTo("ERROR_BATCH_LENGTH_EXCEEDED");
    }

    @Test
    void leaky_bucket_of_50_answers_the_real_query_limit_body() {
        String portal = portal();
        clock.freeze();
        for (int i = 0; i < 50; i++) {
            assertThat(rest(portal, "crm.deal.fields", "{}").status()).isEqualTo(200);
        }
        Answer limited = rest(portal, "crm.deal.fields", "{}");
        assertThat(limited.status()).isEqualTo(503);
        assertThat(limited.json())
                .isEqualTo(JSON.valueToTree(
                        Map.of("error", "QUERY_LIMIT_EXCEEDED", "error_description", "Too many requests")));
        assertThat(ProviderFixtures.body("bitrix24/error-query-limit-exceeded-503.txt"))
                .endsWith(limited.body());
        clock.advance(Duration.ofSeconds(1));
        assertThat(rest(portal, "crm.deal.fields", "{}").status()).isEqualTo(200);
    }

    @Test
    void oauth_refresh_tokens_rotate_and_expired_access_tokens_get_expired_token() {
        String portal = portal();
        Answer authorize = get(
                "/bitrix24/" + portal + "/oauth/authorize/?client_id=app.1&state=x&redirect_uri=http://localhost/cb",
                null);
        URI location = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        String code =
                UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("code");

        JsonNode tokens = get(
                        "/bitrix24/oauth/token/?grant_type=authorization_code&client_id=app.1&client_secret=s&code="
                                + code,
                        null)
                .json();
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(tokens.path("client_endpoint").asText()).endsWith("/bitrix24/" + portal + "/rest/");
        String access = tokens.path("access_token").asText();
        assertThat(json(
                                "POST",
                                "/bitrix24/" + portal + "/rest/crm.deal.fields.json",
                                null,
                                "{\"auth\":\"" + access + "\"}")
                        .status())
                .isEqualTo(200);

        String refresh = tokens.path("refresh_token").asText();
        JsonNode rotated = get(
                        "/bitrix24/oauth/token/?grant_type=refresh_token&client_id=app.1&client_secret=s&refresh_token="
                                + refresh,
                        null)
                .json();
        assertThat(rotated.path("refresh_token").asText()).isNotEqualTo(refresh);
        Answer reused = get(
                "/bitrix24/oauth/token/?grant_type=refresh_token&client_id=app.1&client_secret=s&refresh_token="
                        + refresh,
                null);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("error").asText()).isEqualTo("invalid_grant");

        String newAccess = rotated.path("access_token").asText();
        clock.advance(Duration.ofMinutes(61));
        Answer expired = json(
                "POST", "/bitrix24/" + portal + "/rest/crm.deal.fields.json", null, "{\"auth\":\"" + newAccess + "\"}");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("error").asText()).isEqualTo("expired_token");
        assertThat(json("POST", "/bitrix24/" + portal + "/rest/crm.deal.fields.json", null, "{}")
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("NO_AUTH_FOUND");
    }

    @Test
    void an_inbound_webhook_acts_as_its_user_and_user_get_names_the_portals_users() {
        JsonNode users = rest("demo-b24", "user.get", "{}").json();
        assertThat(users.path("result").findValuesAsText("NAME")).contains("Ольга", "Паша");
        // the demo tenant names its people by these e-mails (deploy/tenants/demo.yml)
        assertThat(users.path("result").findValuesAsText("EMAIL")).contains("olga@demo.example", "pasha@demo.example");
        String curator = users.path("result").findParents("NAME").stream()
                .filter(user -> "Ольга".equals(user.path("NAME").asText()))
                .findFirst()
                .orElseThrow()
                .path("ID")
                .asText();

        Answer added = json(
                "POST",
                "/bitrix24/demo-b24/rest/" + curator + "/sandbox-admin/crm.deal.add.json",
                null,
                "{\"fields\":{\"TITLE\":\"Через вебхук\",\"STAGE_ID\":\"NEW\"}}");

        assertThat(added.status()).isEqualTo(200);
        JsonNode deal = rest(
                        "demo-b24",
                        "crm.deal.get",
                        "{\"id\":" + added.json().path("result").asLong() + "}")
                .json()
                .path("result");
        assertThat(deal.path("MODIFY_BY_ID").asText()).isEqualTo(curator);
        assertThat(json("POST", "/bitrix24/demo-b24/rest/999/sandbox-admin/user.get.json", null, "{}")
                        .status())
                .as("a webhook of a user the portal does not have")
                .isEqualTo(401);
    }

    @Test
    void a_method_over_its_operating_time_is_refused_with_429_while_other_methods_and_batch_commands_go_on() {
        String portal = portal();
        String limits = "/sandbox/bitrix24/" + portal + "/operating-limits/crm.deal.fields";
        assertThat(json("PUT", limits, null, "{\"limitSeconds\":1,\"secondsPerCall\":0.6}")
                        .status())
                .isEqualTo(200);
        long firstCall = clock.instant().getEpochSecond();

        rest(portal, "crm.deal.fields", "{}");
        JsonNode second = rest(portal, "crm.deal.fields", "{}").json();
        Answer refused = rest(portal, "crm.deal.fields", "{}");

        assertThat(second.at("/time/operating").asDouble()).isEqualTo(1.2);
        assertThat(second.at("/time/operating_reset_at").asLong())
                .isBetween(firstCall + 600, clock.instant().getEpochSecond() + 600);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").asText()).isEqualTo("OPERATION_TIME_LIMIT");
        assertThat(refused.json().path("error_description").asText())
                .isEqualTo("Method is blocked due to operation time limit.");
        assertThat(rest(portal, "crm.status.list", "{}").status()).isEqualTo(200);
        JsonNode batch = rest(
                        portal,
                        "batch",
                        "{\"halt\":0,\"cmd\":{\"fields\":\"crm.deal.fields\",\"stages\":\"crm.status.list\"}}")
                .json()
                .path("result");
        assertThat(batch.at("/result_error/fields/error").asText()).isEqualTo("OPERATION_TIME_LIMIT");
        assertThat(batch.at("/result/stages").isArray()).isTrue();
        assertThat(batch.at("/result_time/stages").has("operating_reset_at")).isTrue();

        // the oldest minute bucket leaves the sum ten minutes after its first call
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(rest(portal, "crm.deal.fields", "{}").status()).isEqualTo(200);
    }

    @Test
    void offline_events_keep_one_record_per_deal_reserved_per_process_until_cleared_or_marked_as_errors() {
        String portal = portal();
        assertThat(rest(portal, "event.bind", "{\"event\":\"ONCRMDEALUPDATE\",\"event_type\":\"offline\"}")
                        .status())
                .isEqualTo(200);
        long deal = rest(portal, "crm.deal.add", "{\"fields\":{\"TITLE\":\"Офлайн\"}}")
                .json()
                .path("result")
                .asLong();
        for (int i = 0; i < 3; i++) {
            rest(portal, "crm.deal.update", "{\"id\":" + deal + ",\"fields\":{\"TITLE\":\"v" + i + "\"}}");
        }

        JsonNode reserved =
                rest(portal, "event.offline.get", "{\"clear\":0}").json().path("result");
        assertThat(reserved.path("events")).hasSize(1);
        JsonNode event = reserved.path("events").get(0);
        assertThat(event.path("EVENT_NAME").asText()).isEqualTo("ONCRMDEALUPDATE");
        assertThat(event.at("/EVENT_DATA/FIELDS/ID").asLong()).isEqualTo(deal);
        assertThat(event.path("MESSAGE_ID").asText()).hasSize(32);
        String process = reserved.path("process_id").asText();
        assertThat(process).isNotBlank();
        // reserved records are hidden from other readers; a change meanwhile queues a new record
        assertThat(rest(portal, "event.offline.get", "{\"clear\":0}").json().at("/result/events"))
                .isEmpty();
        rest(portal, "crm.deal.update", "{\"id\":" + deal + ",\"fields\":{\"TITLE\":\"v3\"}}");

        rest(
                portal,
                "event.offline.error",
                "{\"process_id\":\"" + process + "\",\"message_id\":[\""
                        + event.path("MESSAGE_ID").asText() + "\"]}");

        assertThat(rest(portal, "event.offline.get", "{\"clear\":0}").json().at("/result/events"))
                .as("the waiting copy gave way to the record marked as an error")
                .isEmpty();
        JsonNode errors = rest(portal, "event.offline.get", "{\"clear\":0,\"error\":1}")
                .json()
                .path("result");
        assertThat(errors.path("events")).hasSize(1);
        rest(
                portal,
                "event.offline.clear",
                "{\"process_id\":\"" + errors.path("process_id").asText() + "\"}");
        assertThat(rest(portal, "event.offline.get", "{\"clear\":0,\"error\":1}")
                        .json()
                        .at("/result/events"))
                .isEmpty();
        assertThat(rest(portal, "event.get", "{}")
                        .json()
                        .at("/result/0/offline")
                        .asInt())
                .isEqualTo(1);
    }

    private String portal() {
        String portal = unique("b24");
        assertThat(call("POST", "/sandbox/bitrix24/" + portal, null, null, null).status())
                .isEqualTo(200);
        return portal;
    }

    private Answer rest(String portal, String method, String body) {
        return json("POST", "/bitrix24/" + portal + "/rest/" + method + ".json", ADMIN, body);
    }
}
