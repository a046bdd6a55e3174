package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.slotbridge.crmconnector.AmoCrmStubs.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The admin API: webhook install (idempotent), list, remove; status; validation. Tenant {@code it-snap}. */
class TenantAdminIT extends CrmConnectorIT {

    static final String TENANT = "it-snap";
    static final String DESTINATION = "https://gateway.example.test/hooks/amocrm/it-snap/it-snap-secret";
    static final String EVENTS = "[\"add_lead\",\"update_lead\",\"status_lead\",\"delete_lead\",\"restore_lead\","
            + "\"responsible_lead\",\"note_lead\",\"update_contact\"]";

    @Autowired
    MockMvc mvc;

    @Test
    void admin_calls_without_the_admin_token_get_a_401_problem() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/tenants/" + TENANT + "/status"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"));
        mvc.perform(MockMvcRequestBuilders.get("/admin/tenants/" + TENANT + "/status")
                        .header("Authorization", "Bearer wrong"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void webhooks_are_installed_once_listed_with_the_secret_masked_and_removed() throws Exception {
        String hook = "{\"id\":3127,\"destination\":\"" + DESTINATION
                + "\",\"created_at\":1795000000,\"updated_at\":1795000000,"
                + "\"account_id\":30307558,\"created_by\":503,\"sort\":10,\"disabled\":false,\"settings\":" + EVENTS
                + "}";
        WIREMOCK.stubFor(get(api(TENANT, "/api/v4/webhooks"))
                .inScenario("hooks")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AmoCrmStubs.noContent()));
        WIREMOCK.stubFor(post(api(TENANT, "/api/v4/webhooks"))
                .inScenario("hooks")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(equalToJson(
                        "{\"destination\":\"" + DESTINATION + "\",\"settings\":" + EVENTS + ",\"sort\":10}"))
                .willReturn(AmoCrmStubs.hal(hook))
                .willSetStateTo("installed"));
        WIREMOCK.stubFor(get(api(TENANT, "/api/v4/webhooks"))
                .inScenario("hooks")
                .whenScenarioStateIs("installed")
                .willReturn(AmoCrmStubs.hal(
                        "{\"_total_items\":1,\"_links\":{\"self\":{\"href\":\"https://example.amocrm.ru/api/v4/webhooks\"}},"
                                + "\"_embedded\":{\"webhooks\":[" + hook + "]}}")));
        WIREMOCK.stubFor(delete(api(TENANT, "/api/v4/webhooks"))
                .inScenario("hooks")
                .whenScenarioStateIs("installed")
                .withRequestBody(equalToJson("{\"destination\":\"" + DESTINATION + "\"}"))
                .willReturn(aResponse().withStatus(204))
                .willSetStateTo(Scenario.STARTED));

        mvc.perform(admin(MockMvcRequestBuilders.post("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.webhook.destination")
                        .value("https://gateway.example.test/hooks/amocrm/it-snap/***"));
        mvc.perform(admin(MockMvcRequestBuilders.post("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false));
        mvc.perform(admin(MockMvcRequestBuilders.get("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.webhooks[0].events.length()").value(8));
        mvc.perform(admin(MockMvcRequestBuilders.delete("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.removed").value(1));

        assertThat(requests(TENANT, "POST", "/api/v4/webhooks")).hasSize(1);
        assertThat(requests(TENANT, "DELETE", "/api/v4/webhooks")).hasSize(1);
    }

    @Test
    void status_and_validation_answer_for_a_connected_tenant() throws Exception {
        mvc.perform(admin(MockMvcRequestBuilders.get("/admin/tenants/" + TENANT + "/status")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.crm").value("amocrm"))
                .andExpect(jsonPath("$.requestsPerSecondLimit").value(7.0))
                .andExpect(jsonPath("$.circuit").value("CLOSED"));
        mvc.perform(admin(MockMvcRequestBuilders.get("/admin/tenants/" + TENANT + "/validation")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems.length()").value(0));
        mvc.perform(admin(MockMvcRequestBuilders.get("/admin/tenants/nobody/status")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"));
    }

    static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
}
