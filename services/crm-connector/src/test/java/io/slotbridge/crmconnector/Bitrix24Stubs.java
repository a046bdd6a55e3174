package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.slotbridge.contracts.ProviderFixtures;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bitrix24 answers in the shapes of the official docs (bitrix-tools/b24-rest-docs): {@code {result, total?, next?,
 * time}}, batch {@code result.result / result_error / result_total / result_next / result_time} with PHP's {@code []}
 * for empty maps, {@code crm.deal.fields} with user fields' labels and items, {@code crm.status.list} rows with
 * {@code EXTRA.SEMANTICS}, {@code crm.category.list}'s {@code categories}. The demo portal's names are those of
 * DESIGN §8 (the sandbox's seed).
 */
public final class Bitrix24Stubs {

    public static final String MEETING_TIME = "UF_CRM_1718000000001";
    public static final String EXPERT = "UF_CRM_1718000000002";
    public static final String CATEGORY = "UF_CRM_1718000000003";
    public static final String CLIENT_GOAL = "UF_CRM_1718000000004";
    public static final String LOSS_REASON = "UF_CRM_1718000000005";

    static final String TIME =
            "{\"start\":1724916859.421475,\"finish\":1724916859.471588,\"duration\":0.05011296272277832,"
                    + "\"processing\":0.010200977325439453,\"date_start\":\"2024-08-29T10:34:19+03:00\","
                    + "\"date_finish\":\"2024-08-29T10:34:19+03:00\",\"operating_reset_at\":1724917459,"
                    + "\"operating\":0}";

    private Bitrix24Stubs() {}

    /** The REST URL of a method of an emulated portal ({@code /bitrix24/<portal>/rest/<method>.json}). */
    public static String rest(String portal, String method) {
        return "/bitrix24/" + portal + "/rest/" + method + ".json";
    }

    /** A plain method's answer. */
    public static String answer(String resultJson) {
        return "{\"result\":" + resultJson + ",\"time\":" + TIME + "}";
    }

    /** A batch answer: results by command key, errors by command key; empty maps are PHP's {@code []}. */
    public static String batch(Map<String, String> results, Map<String, String> errors) {
        return answer("{\"result\":" + map(results) + ",\"result_error\":" + map(errors)
                + ",\"result_total\":[],\"result_next\":[],\"result_time\":[]}");
    }

    public static String error(String code, String description) {
        return "{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}";
    }

    /** The real 503 body of the leaky bucket (contracts fixture bitrix24/error-query-limit-exceeded-503.txt). */
    public static String queryLimitExceeded() {
        return ProviderFixtures.body("bitrix24/error-query-limit-exceeded-503.txt")
                .lines()
                .filter(l -> l.startsWith("{"))
                .findFirst()
                .orElseThrow();
    }

    /** The documented body of the operating-time refusal (Bitrix24 system errors: 429 OPERATION_TIME_LIMIT). */
    public static String operationTimeLimit() {
        return error("OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
    }

    /** A {@code time} block as limits.md documents it, with the method's operating time and its reset. */
    public static String timeResettingAt(long operatingResetAt) {
        return "{\"start\":1778747192.910734,\"finish\":1778747193.530359,\"duration\":0.6196250915527344,"
                + "\"processing\":0.032338857650756836,\"date_start\":\"2026-05-14T10:26:32+02:00\","
                + "\"date_finish\":\"2026-05-14T10:26:33+02:00\",\"operating_reset_at\":" + operatingResetAt
                + ",\"operating\":3.3076241016387939}";
    }

    /** A batch answer with per-command {@code result_time}; each argument is a JSON object or PHP's {@code []}. */
    public static String batchWithTimes(String results, String errors, String times) {
        return answer("{\"result\":" + results + ",\"result_error\":" + errors
                + ",\"result_total\":[],\"result_next\":[],\"result_time\":" + times + "}");
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    public static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    /** crm.deal.fields: a few standard fields and the demo's user fields (labels in listLabel, items for lists). */
    public static String dealFields() {
        return "{\"ID\":{\"type\":\"integer\",\"isRequired\":false,\"isReadOnly\":true,\"isImmutable\":false,"
                + "\"isMultiple\":false,\"isDynamic\":false,\"title\":\"ID\"},"
                + "\"TITLE\":{\"type\":\"string\",\"isRequired\":false,\"isReadOnly\":false,\"isImmutable\":false,"
                + "\"isMultiple\":false,\"isDynamic\":false,\"title\":\"Название\"},"
                + "\"STAGE_ID\":{\"type\":\"crm_status\",\"isRequired\":false,\"isReadOnly\":false,"
                + "\"isImmutable\":false,\"isMultiple\":false,\"isDynamic\":false,\"statusType\":\"DEAL_STAGE\","
                + "\"title\":\"Стадия сделки\"},"
                + userField(MEETING_TIME, "datetime", "Дата и время встречи", "") + ","
                + userField(
                        EXPERT,
                        "enumeration",
                        "Сотрудник, который будет проводить встречу",
                        items("101", "Паша", "102", "Маша"))
                + "," + userField(CATEGORY, "enumeration", "Категория", items("111", "A", "112", "B", "113", "C"))
                + "," + userField(CLIENT_GOAL, "string", "Цель клиента", "") + ","
                + userField(
                        LOSS_REASON,
                        "enumeration",
                        "Причина отказа",
                        items("121", "Нет контакта", "122", "Встреча отменена"))
                + "}";
    }

    public static String categories() {
        return "{\"categories\":[{\"id\":0,\"name\":\"Воронка\",\"sort\":100,\"entityTypeId\":2,\"isDefault\":\"Y\"}]}";
    }

    /** crm.status.list for DEAL_STAGE: the demo pipeline. */
    public static String stages() {
        return "[" + stage(1, "NEW", "Первичный контакт", 10, "process") + ","
                + stage(2, "PREPARATION", "Квалифицирован", 20, "process") + ","
                + stage(3, "PREPAYMENT_INVOICE", "5. Встреча назначена", 30, "process") + ","
                + stage(4, "EXECUTING", "6. Встреча проведена", 40, "process") + ","
                + stage(5, "FINAL_INVOICE", "Не дозвонились", 50, "process") + ","
                + stage(6, "WON", "Успешно реализовано", 60, "success") + ","
                + stage(7, "LOSE", "Отказ. Сделка закрыта", 70, "failure") + "]";
    }

    public static String users() {
        return "[{\"ID\":\"1\",\"ACTIVE\":true,\"NAME\":\"Ольга\",\"LAST_NAME\":\"\",\"EMAIL\":\"olga@demo.example\"},"
                + "{\"ID\":\"2\",\"ACTIVE\":true,\"NAME\":\"Паша\",\"LAST_NAME\":\"\",\"EMAIL\":\"pasha@demo.example\"}]";
    }

    /** A crm.deal.list row (select * and UF_*) of the default pipeline, as PHP sends it: everything a string. */
    public static String deal(long id, String stage, String semantic, String modified, String userFields) {
        return "{\"ID\":\"" + id + "\",\"TITLE\":\"Сделка #" + id + "\",\"TYPE_ID\":\"SALE\",\"STAGE_ID\":\"" + stage
                + "\",\"PROBABILITY\":null,\"CURRENCY_ID\":\"RUB\",\"OPPORTUNITY\":\"0.00\",\"COMPANY_ID\":\"0\","
                + "\"CONTACT_ID\":\"2001\",\"ASSIGNED_BY_ID\":\"1\",\"CREATED_BY_ID\":\"1\",\"MODIFY_BY_ID\":\"2\","
                + "\"DATE_CREATE\":\"2026-11-20T10:00:00+03:00\",\"DATE_MODIFY\":\"" + modified + "\","
                + "\"OPENED\":\"Y\",\"CLOSED\":\"N\",\"CATEGORY_ID\":\"0\",\"STAGE_SEMANTIC_ID\":\"" + semantic + "\","
                + "\"IS_NEW\":\"N\"" + (userFields.isEmpty() ? "" : "," + userFields) + "}";
    }

    public static String contact(long id) {
        return "{\"ID\":\"" + id + "\",\"NAME\":\"Семён\",\"LAST_NAME\":null,\"HAS_PHONE\":\"Y\","
                + "\"PHONE\":[{\"ID\":\"11\",\"VALUE_TYPE\":\"WORK\",\"VALUE\":\"8 (903) 123-45-67\",\"TYPE_ID\":\"PHONE\"}]}";
    }

    /** The OAuth server's token answer for a portal (shape of the Bitrix24 docs' token response), valid one hour. */
    public static String tokenAnswer(String portal, String memberId, String access, String refresh) {
        return "{\"access_token\":\"" + access + "\",\"expires\":"
                + (Instant.now().getEpochSecond() + 3600)
                + ",\"expires_in\":3600,\"scope\":\"crm\",\"domain\":\"" + portal + ".bitrix24.ru\","
                + "\"server_endpoint\":\"https://oauth.bitrix.info/rest/\",\"status\":\"L\","
                + "\"client_endpoint\":\"https://" + portal + ".bitrix24.ru/rest/\","
                + "\"member_id\":\"" + memberId + "\",\"user_id\":1,\"refresh_token\":\"" + refresh + "\"}";
    }

    /** {@link #metadata}, and contact 2001 for every contact read: what a portal needs to answer a deal's re-read. */
    public static void metadataAndContact(WireMockServer server, String portal) {
        metadata(server, portal);
        server.stubFor(post(urlEqualTo(rest(portal, "batch")))
                .withRequestBody(containing("crm.contact.get"))
                .willReturn(ok(batch(Map.of("c2001", contact(2001)), Map.of()))));
    }

    /** The metadata reads of a portal: fields and categories in one batch, stages in the next, users alone. */
    public static void metadata(WireMockServer server, String portal) {
        server.stubFor(post(urlEqualTo(rest(portal, "batch")))
                .withRequestBody(containing("crm.deal.fields"))
                .willReturn(ok(batch(Map.of("fields", dealFields(), "categories", categories()), Map.of()))));
        server.stubFor(post(urlEqualTo(rest(portal, "batch")))
                .withRequestBody(containing("crm.status.list"))
                .willReturn(ok(batch(Map.of("stages_0", stages()), Map.of()))));
        server.stubFor(post(urlEqualTo(rest(portal, "user.get")))
                .willReturn(ok("{\"result\":" + users() + ",\"total\":2,\"time\":" + TIME + "}")));
        server.stubFor(post(urlEqualTo(rest(portal, "crm.deal.fields"))).willReturn(ok(answer(dealFields()))));
    }

    private static String userField(String code, String type, String label, String items) {
        return "\"" + code + "\":{\"type\":\"" + type + "\",\"isRequired\":false,\"isReadOnly\":false,"
                + "\"isImmutable\":false,\"isMultiple\":false,\"isDynamic\":true,\"title\":\"" + code
                + "\",\"listLabel\":\"" + label + "\",\"formLabel\":\"" + label + "\",\"filterLabel\":\"" + label
                + "\"" + (items.isEmpty() ? "" : ",\"items\":" + items) + ",\"settings\":[]}";
    }

    private static String items(String... idValue) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < idValue.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"ID\":\"")
                    .append(idValue[i])
                    .append("\",\"VALUE\":\"")
                    .append(idValue[i + 1])
                    .append("\"}");
        }
        return json.append(']').toString();
    }

    private static String stage(int id, String statusId, String name, int sort, String semantics) {
        String plain = semantics.equals("success") ? "\"S\"" : semantics.equals("failure") ? "\"F\"" : "null";
        return "{\"ID\":\"" + id + "\",\"ENTITY_ID\":\"DEAL_STAGE\",\"STATUS_ID\":\"" + statusId + "\",\"NAME\":\""
                + name + "\",\"NAME_INIT\":\"" + name + "\",\"SORT\":\"" + sort + "\",\"SYSTEM\":\"N\","
                + "\"CATEGORY_ID\":\"0\",\"COLOR\":\"#39A8EF\",\"SEMANTICS\":" + plain + ",\"EXTRA\":{\"SEMANTICS\":\""
                + semantics + "\",\"COLOR\":\"#39A8EF\"}}";
    }

    private static String map(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return "[]";
        }
        return entries.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
