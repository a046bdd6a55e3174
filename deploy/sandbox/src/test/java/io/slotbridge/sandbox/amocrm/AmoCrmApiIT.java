package io.slotbridge.sandbox.amocrm;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.sandbox.SandboxIntegrationTest;
import io.slotbridge.sandbox.core.PhpForm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmoCrmApiIT extends SandboxIntegrationTest {

    private static final long QUALIFIED = 67_000_002;
    private static final long MEETING_SCHEDULED = 67_000_003;

    /** 150 ms of test time per call refills amoCRM's 7/s bucket faster than these tests use it. */
    @Override
    protected void beforeCall() {
        clock.advance(Duration.ofMillis(150));
    }

    @Test
    void demo_account_has_the_pipeline_fields_users_and_loss_reasons_of_the_demo_tenant() {
        JsonNode pipelines = get("/amocrm/demo/api/v4/leads/pipelines", ADMIN).json();
        JsonNode pipeline = pipelines.at("/_embedded/pipelines/0");
        assertThat(pipeline.path("name").asText()).isEqualTo("Воронка");
        List<String> statuses = new ArrayList<>();
        pipeline.at("/_embedded/statuses")
                .forEach(s -> statuses.add(
                        s.path("id").asLong() + " " + s.path("name").asText()));
        assertThat(statuses)
                .contains(
                        "67000001 Первичный контакт",
                        "67000002 Квалифицирован",
                        "67000003 5. Встреча назначена",
                        "67000004 6. Встреча проведена",
                        "67000005 Не дозвонились",
                        "142 Успешно реализовано",
                        "143 Отказ. Сделка закрыта");

        Answer fields = get("/amocrm/demo/api/v4/leads/custom_fields", ADMIN);
        assertThat(fields.contentType()).startsWith("application/hal+json");
        JsonNode expert = find(
                fields.json().at("/_embedded/custom_fields"), "name", "Сотрудник, который будет проводить встречу");
        assertThat(expert.path("type").asText()).isEqualTo("select");
        assertThat(expert.path("enums").findValuesAsText("value")).containsExactly("Паша", "Маша", "Михаил Николаевич");
        assertThat(find(fields.json().at("/_embedded/custom_fields"), "name", "Дата и время встречи")
                        .path("type")
                        .asText())
                .isEqualTo("date_time");
        assertThat(find(fields.json().at("/_embedded/custom_fields"), "name", "Цель клиента")
                        .path("type")
                        .asText())
                .isEqualTo("textarea");

        assertThat(get("/amocrm/demo/api/v4/users", ADMIN)
                        .json()
                        .at("/_embedded/users")
                        .findValuesAsText("email"))
                .contains("pasha@demo.example", "masha@demo.example", "mikhail@demo.example", "olga@demo.example");
        assertThat(get("/amocrm/demo/api/v4/leads/loss_reasons", ADMIN)
                        .json()
                        .at("/_embedded/loss_reasons")
                        .findValuesAsText("name"))
                .containsExactly("Нет контакта", "Встреча отменена");
    }

    @Test
    void leads_are_created_read_with_contacts_filtered_and_paged() {
        String account = account();
        Answer contact = json(
                "POST",
                api(account, "/contacts"),
                ADMIN,
                """
                [{"name":"Анна Клиентова","custom_fields_values":[{"field_code":"PHONE","values":[{"value":"+79990001122","enum_code":"MOB"}]}]}]""");
        long contactId = contact.json().at("/_embedded/contacts/0/id").asLong();
        Answer created = json(
                "POST",
                api(account, "/leads"),
                ADMIN,
                """
                [{"name":"Заявка 1","price":5000,"custom_fields_values":[{"field_id":970003,"values":[{"enum_id":971012}]}],
                  "_embedded":{"contacts":[{"id":%d}]}},
                 {"name":"Заявка 2"},{"name":"Заявка 3"}]"""
                        .formatted(contactId));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/_embedded/leads/0/request_id").asText()).isEqualTo("0");
        long first = created.json().at("/_embedded/leads/0/id").asLong();

        JsonNode lead =
                get(api(account, "/leads/" + first + "?with=contacts"), ADMIN).json();
        assertThat(lead.path("name").asText()).isEqualTo("Заявка 1");
        assertThat(lead.path("status_id").asLong()).isEqualTo(67_000_001L);
        assertThat(lead.at("/custom_fields_values/0/values/0/value").asText()).isEqualTo("B");
        assertThat(lead.at("/custom_fields_values/0/values/0/enum_id").asLong()).isEqualTo(971_012L);
        assertThat(lead.at("/_embedded/contacts/0/id").asLong()).isEqualTo(contactId);
        assertThat(lead.at("/_embedded/contacts/0/is_main").asBoolean()).isTrue();
        assertThat(lead.has("loss_reason_id")).isTrue();

        Answer page1 = get(api(account, "/leads?limit=2"), ADMIN);
        assertThat(page1.json().at("/_embedded/leads")).hasSize(2);
        assertThat(page1.json().at("/_links/next/href").asText()).contains("page=2");
        Answer page2 = get(api(account, "/leads?limit=2&page=2"), ADMIN);
        assertThat(page2.json().at("/_embedded/leads")).hasSize(1);
        assertThat(page2.json().at("/_links/next").isMissingNode()).isTrue();
        assertThat(get(api(account, "/leads?limit=2&page=3"), ADMIN).status()).isEqualTo(204);

        Answer byId = get(api(account, "/leads?filter[id][]=" + first + "&filter[id][]=" + (first + 2)), ADMIN);
        assertThat(byId.json().at("/_embedded/leads").findValuesAsText("name")).containsExactly("Заявка 1", "Заявка 3");
        long createdAt = lead.path("updated_at").asLong();
        assertThat(get(api(account, "/leads?filter[updated_at][from]=" + (createdAt + 3600)), ADMIN)
                        .status())
                .isEqualTo(204);
        assertThat(get(api(account, "/leads/999"), ADMIN).status()).isEqualTo(204);
    }

    @Test
    void a_status_change_through_the_api_is_posted_as_an_amocrm_form_webhook() {
        String account = account();
        String hook = "/hooks/amocrm/" + account + "/secret";
        Answer subscribed = json(
                "POST",
                api(account, "/webhooks"),
                ADMIN,
                """
                {"destination":"%s","settings":["status_lead","update_lead","note_lead"],"sort":10}"""
                        .formatted(receiverUrl(hook)));
        assertThat(subscribed.json().path("settings").toString()).contains("status_lead", "update_lead");
        assertThat(subscribed.json().path("disabled").asBoolean()).isFalse();
        long leadId = json(
                        "POST",
                        api(account, "/leads"),
                        ADMIN,
                        "[{\"name\":\"Иван Клиент\",\"status_id\":" + QUALIFIED + "}]")
                .json()
                .at("/_embedded/leads/0/id")
                .asLong();

        Answer patched = json(
                "PATCH",
                api(account, "/leads"),
                ADMIN,
                """
                [{"id":%d,"status_id":%d,"custom_fields_values":[
                  {"field_id":970001,"values":[{"value":1767258000}]},
                  {"field_id":970002,"values":[{"enum_id":971001}]}]}]"""
                        .formatted(leadId, MEETING_SCHEDULED));
        assertThat(patched.status()).isEqualTo(200);

        List<Map<String, Object>> statusHooks = awaitHooks(hook, "status");
        Map<String, Object> body = statusHooks.get(0);
        Map<?, ?> status = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) body.get("leads")).get("status")).get("0");
        assertThat(status.get("id")).isEqualTo(String.valueOf(leadId));
        assertThat(status.get("status_id")).isEqualTo(String.valueOf(MEETING_SCHEDULED));
        assertThat(status.get("old_status_id")).isEqualTo(String.valueOf(QUALIFIED));
        assertThat(status.get("pipeline_id")).isEqualTo(String.valueOf(AmoSeed.PIPELINE));
        assertThat(((Map<?, ?>) body.get("account")).get("subdomain")).isEqualTo(account);
        // The modern capture puts the account block first; so do we.
        assertThat(body.keySet().iterator().next()).isEqualTo("account");
        // Every key of the real ids-only status webhook is present in ours.
        Map<String, Object> real = PhpForm.parse(ProviderFixtures.body("amocrm/status-change-2.txt"));
        Map<?, ?> realStatus = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) real.get("leads")).get("status")).get("0");
        assertThat(status.keySet().stream().map(String::valueOf).toList())
                .containsAll(realStatus.keySet().stream().map(String::valueOf).toList());
        // The date field keeps amoCRM's quirk: values[0]=<unix time> without [value].
        Map<?, ?> fields = (Map<?, ?>) status.get("custom_fields");
        assertThat(fields.values())
                .anySatisfy(field -> assertThat(((Map<?, ?>) ((Map<?, ?>) field).get("values")).get("0"))
                        .isEqualTo("1767258000"));

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(hook)));
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(requests.get(0).getHeader("User-Agent")).isEqualTo("amoCRM-Webhooks/3.0");
        // The same change also goes out as leads[update] (the destination subscribed to update_lead too).
        Map<?, ?> update =
                (Map<?, ?>) ((Map<?, ?>) awaitHooks(hook, "update").get(0).get("leads")).get("update");
        assertThat(((Map<?, ?>) update.get("0")).get("id")).isEqualTo(String.valueOf(leadId));

        json(
                "POST",
                api(account, "/leads/" + leadId + "/notes"),
                ADMIN,
                """
                [{"note_type":"common","params":{"text":"Клиент подтвердил встречу"}}]""");
        Map<String, Object> note = awaitHooks(hook, "note").get(0);
        assertThat(PhpForm.flatten(note).stream().map(p -> p.key() + "=" + p.value()))
                .contains(
                        "leads[note][0][note][text]=Клиент подтвердил встречу",
                        "leads[note][0][note][element_id]=" + leadId);
    }

    @Test
    void closing_lost_needs_the_pipeline_id_and_sets_the_loss_reason() {
        String account = account();
        long leadId = json("POST", api(account, "/leads"), ADMIN, "[{\"name\":\"Отказник\"}]")
                .json()
                .at("/_embedded/leads/0/id")
                .asLong();

        Answer withoutPipeline =
                json("PATCH", api(account, "/leads"), ADMIN, "[{\"id\":" + leadId + ",\"status_id\":143}]");
        assertThat(withoutPipeline.status()).isEqualTo(400);
        assertThat(withoutPipeline.contentType()).startsWith("application/problem+json");
        assertThat(withoutPipeline.json().at("/validation-errors/0/request_id").asText())
                .isEqualTo("0");
        assertThat(withoutPipeline
                        .json()
                        .at("/validation-errors/0/errors/0/path")
                        .asText())
                .isEqualTo("pipeline_id");

        Answer closed = json(
                "PATCH",
                api(account, "/leads/" + leadId),
                ADMIN,
                "{\"status_id\":143,\"pipeline_id\":" + AmoSeed.PIPELINE + ",\"loss_reason_id\":7000001}");
        assertThat(closed.status()).isEqualTo(200);
        JsonNode lead = get(api(account, "/leads/" + leadId + "?with=loss_reason"), ADMIN)
                .json();
        assertThat(lead.path("status_id").asLong()).isEqualTo(143);
        assertThat(lead.path("loss_reason_id").asLong()).isEqualTo(7_000_001);
        assertThat(lead.path("closed_at").isNumber()).isTrue();
        assertThat(lead.at("/_embedded/loss_reason/0/name").asText()).isEqualTo("Нет контакта");

        Answer badEnum = json(
                "PATCH",
                api(account, "/leads"),
                ADMIN,
                "[{\"id\":" + leadId
                        + ",\"custom_fields_values\":[{\"field_id\":970002,\"values\":[{\"enum_id\":1}]}]}]");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().at("/validation-errors/0/errors/0/path").asText())
                .isEqualTo("custom_fields_values.0.values.0.value");
    }

    @Test
    void call_tasks_are_created_in_a_batch_and_found_by_filters() {
        String account = account();
        long leadId = json("POST", api(account, "/leads"), ADMIN, "[{\"name\":\"Позвонить\"}]")
                .json()
                .at("/_embedded/leads/0/id")
                .asLong();
        Answer tasks = json(
                "POST",
                api(account, "/tasks"),
                ADMIN,
                """
                [{"text":"Позвонить клиенту","complete_till":1767268800,"task_type_id":1,"entity_id":%d,"entity_type":"leads","responsible_user_id":11000006},
                 {"text":"Встреча","complete_till":1767268800,"task_type_id":2,"entity_id":%d,"entity_type":"leads"}]"""
                        .formatted(leadId, leadId));
        assertThat(tasks.json().at("/_embedded/tasks")).hasSize(2);

        JsonNode calls = get(
                        api(
                                account,
                                "/tasks?filter[entity_type]=leads&filter[entity_id][]=" + leadId
                                        + "&filter[task_type][]=1&filter[is_completed]=0"),
                        ADMIN)
                .json();
        assertThat(calls.at("/_embedded/tasks")).hasSize(1);
        assertThat(calls.at("/_embedded/tasks/0/responsible_user_id").asLong()).isEqualTo(11_000_006);
        assertThat(calls.at("/_embedded/tasks/0/text").asText()).isEqualTo("Позвонить клиенту");

        Answer invalid = json("POST", api(account, "/tasks"), ADMIN, "[{\"text\":\"\"}]");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/validation-errors/0/errors").findValuesAsText("path"))
                .contains("complete_till", "text");
    }

    @Test
    void unknown_token_is_401_problem_json() {
        Answer answer = get("/amocrm/demo/api/v4/leads", "Bearer nope");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
    }

    private String account() {
        String subdomain = unique("amo");
        assertThat(call("POST", "/sandbox/amocrm/" + subdomain, null, null, null)
                        .status())
                .isEqualTo(200);
        return subdomain;
    }

    private static String api(String account, String path) {
        return "/amocrm/" + account + "/api/v4" + path;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    /** Bodies posted to the hook path that carry {@code leads[<action>]}, parsed. */
    private List<Map<String, Object>> awaitHooks(String path, String action) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            found.clear();
            for (LoggedRequest request : receiver.findAll(postRequestedFor(urlEqualTo(path)))) {
                Map<String, Object> body = PhpForm.parse(request.getBodyAsString());
                if (((Map<?, ?>) body.getOrDefault("leads", Map.of())).containsKey(action)) {
                    found.add(body);
                }
            }
            assertThat(found).isNotEmpty();
        });
        return found;
    }
}
