package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * amoCRM API v4 responses shaped as amoCRM documents them ({@code _embedded}, {@code _links}, hal+json, 204 for empty
 * lists, problem+json errors); account metadata from {@code src/test/resources/amocrm/}.
 */
public final class AmoCrmStubs {

    public static final String HAL = "application/hal+json";
    public static final String PROBLEM = "application/problem+json";
    public static final ObjectMapper JSON = new ObjectMapper();

    private AmoCrmStubs() {}

    /** Pipelines, lead fields, users and loss reasons for every tenant under /amocrm/{tenant}. */
    public static void metadata(WireMockServer wm) {
        wm.stubFor(get(urlPathMatching("/amocrm/[^/]+/api/v4/leads/pipelines"))
                .willReturn(hal(resource("pipelines.json"))));
        wm.stubFor(get(urlPathMatching("/amocrm/[^/]+/api/v4/leads/custom_fields"))
                .willReturn(hal(resource("custom_fields.json"))));
        wm.stubFor(get(urlPathMatching("/amocrm/[^/]+/api/v4/users")).willReturn(hal(resource("users.json"))));
        wm.stubFor(get(urlPathMatching("/amocrm/[^/]+/api/v4/leads/loss_reasons"))
                .willReturn(hal(resource("loss_reasons.json"))));
    }

    /** The stateful leads/notes/tasks emulation ({@link AmoLeadsEmulator}) for every tenant, at a low priority. */
    public static void leadsEmulation(WireMockServer wm) {
        for (String p : List.of(
                "/amocrm/[^/]+/api/v4/leads", "/amocrm/[^/]+/api/v4/leads/notes", "/amocrm/[^/]+/api/v4/tasks")) {
            wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching(p))
                    .atPriority(10)
                    .willReturn(aResponse().withTransformers(AmoLeadsEmulator.NAME)));
        }
    }

    public static ResponseDefinitionBuilder hal(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", HAL).withBody(body);
    }

    public static ResponseDefinitionBuilder noContent() {
        return aResponse().withStatus(204);
    }

    public static ResponseDefinitionBuilder problem(int status, String title, String detail) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", PROBLEM)
                .withBody("{\"title\":\"" + title + "\",\"type\":\"https://httpstatus.es/" + status + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
    }

    /** The nginx page amoCRM serves to a blocked account (not JSON). */
    public static ResponseDefinitionBuilder blockedHtml() {
        return aResponse()
                .withStatus(403)
                .withHeader("Content-Type", "text/html")
                .withBody(
                        "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n"
                                + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    }

    public static String path(String tenant, String apiPath) {
        return "/amocrm/" + tenant + apiPath;
    }

    public static com.github.tomakehurst.wiremock.matching.UrlPathPattern api(String tenant, String apiPath) {
        return urlPathEqualTo(path(tenant, apiPath));
    }

    /** One lead as GET /api/v4/leads returns it (with=contacts). */
    public static ObjectNode lead(long id, int statusId, long updatedAt) {
        ObjectNode lead = JSON.createObjectNode();
        lead.put("id", id);
        lead.put("name", "Семён, заявка с сайта");
        lead.put("price", 0);
        lead.put("responsible_user_id", 501);
        lead.put("group_id", 0);
        lead.put("status_id", statusId);
        lead.put("pipeline_id", 7001);
        lead.putNull("loss_reason_id");
        lead.put("created_by", 501);
        lead.put("updated_by", 502);
        lead.put("created_at", 1763798400L);
        lead.put("updated_at", updatedAt);
        lead.putNull("closed_at");
        lead.putNull("closest_task_at");
        lead.put("is_deleted", false);
        lead.putNull("custom_fields_values");
        lead.putNull("score");
        lead.put("account_id", 30307558);
        lead.putObject("_links").putObject("self").put("href", "https://example.amocrm.ru/api/v4/leads/" + id);
        ObjectNode embedded = lead.putObject("_embedded");
        embedded.putArray("tags");
        embedded.putArray("companies");
        embedded.putArray("contacts");
        return lead;
    }

    public static ObjectNode withContact(ObjectNode lead, long contactId) {
        ObjectNode contact = ((ArrayNode) lead.path("_embedded").path("contacts")).addObject();
        contact.put("id", contactId);
        contact.put("is_main", true);
        contact.putObject("_links")
                .putObject("self")
                .put("href", "https://example.amocrm.ru/api/v4/contacts/" + contactId);
        return lead;
    }

    public static ObjectNode withField(
            ObjectNode lead, long fieldId, String name, String type, Object value, Long enumId) {
        if (!lead.path("custom_fields_values").isArray()) {
            lead.putArray("custom_fields_values");
        }
        ObjectNode field = ((ArrayNode) lead.get("custom_fields_values")).addObject();
        field.put("field_id", fieldId);
        field.put("field_name", name);
        field.putNull("field_code");
        field.put("field_type", type);
        ObjectNode v = field.putArray("values").addObject();
        if (value instanceof Long l) {
            v.put("value", l);
        } else {
            v.put("value", String.valueOf(value));
        }
        if (enumId != null) {
            v.put("enum_id", enumId);
            v.putNull("enum_code");
        }
        return lead;
    }

    public static String leadsPage(List<ObjectNode> leads, boolean hasNext, int page) {
        ObjectNode root = JSON.createObjectNode();
        root.put("_page", page);
        ObjectNode links = root.putObject("_links");
        links.putObject("self").put("href", "https://example.amocrm.ru/api/v4/leads?page=" + page + "&limit=250");
        if (hasNext) {
            links.putObject("next")
                    .put("href", "https://example.amocrm.ru/api/v4/leads?page=" + (page + 1) + "&limit=250");
        }
        root.putObject("_embedded").putArray("leads").addAll(leads);
        return root.toString();
    }

    public static String contacts(long id, String name, String phone) {
        ObjectNode root = JSON.createObjectNode();
        root.put("_page", 1);
        root.putObject("_links").putObject("self").put("href", "https://example.amocrm.ru/api/v4/contacts");
        ObjectNode c = root.putObject("_embedded").putArray("contacts").addObject();
        c.put("id", id);
        c.put("name", name);
        c.put("first_name", name);
        c.put("last_name", "");
        c.put("responsible_user_id", 501);
        c.put("created_at", 1763798400L);
        c.put("updated_at", 1763798400L);
        c.put("is_deleted", false);
        ArrayNode fields = c.putArray("custom_fields_values");
        ObjectNode phoneField = fields.addObject();
        phoneField.put("field_id", 54667);
        phoneField.put("field_name", "Телефон");
        phoneField.put("field_code", "PHONE");
        phoneField.put("field_type", "multitext");
        ObjectNode pv = phoneField.putArray("values").addObject();
        pv.put("value", phone);
        pv.put("enum_id", 114611);
        pv.put("enum_code", "WORK");
        c.putObject("_embedded").putArray("tags");
        return root.toString();
    }

    /** Request bodies are read with our Jackson (WireMock's own is shaded). */
    public static com.fasterxml.jackson.databind.JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = AmoCrmStubs.class.getResourceAsStream("/amocrm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource amocrm/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
