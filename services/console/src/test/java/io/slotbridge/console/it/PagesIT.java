package io.slotbridge.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotbridge.console.audit.AuditLog;
import io.slotbridge.console.lead.app.Leads;
import io.slotbridge.console.web.Flash;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.platform.admin.AdminAccess;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponentsBuilder;

/** Every screen renders from the real projection, with the other services down. */
class PagesIT extends ConsoleIntegrationTest {

    private static final RequestPostProcessor OPERATOR = user("operator").roles("VIEWER", "OPERATOR");

    @Autowired
    Leads leads;

    @Autowired
    AdminAccess adminAccess;

    @Autowired
    AuditLog audit;

    @Test
    void the_overview_shows_traffic_commands_and_refreshes_itself() throws Exception {
        LeadStory story = LeadStory.newLead();
        story.publish(kafka);
        eventually()
                .until(() -> leads.timeline(LeadStory.TENANT, story.leadId).size()
                        >= story.expectedTitles().size());

        String page = mvc.perform(get("/").param("tenant", "demo").with(OPERATOR))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String live = mvc.perform(get("/overview/live")
                        .param("tenant", "demo")
                        .header("HX-Request", "true")
                        .with(OPERATOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Demo school (amoCRM sandbox)").contains("hx-get=\"/overview/live?tenant=demo\"");
        assertThat(live)
                .startsWith("<section id=\"live\"")
                .contains("Webhooks in")
                .contains("amoCRM");
        assertThat(live).containsPattern("id=\"commands-failed\"[^>]*>[1-9]");
        assertThat(live).containsPattern("id=\"commands-applied\"[^>]*>[1-9]");
    }

    @Test
    void the_lead_page_shows_the_timeline_and_the_current_slot_colour() throws Exception {
        LeadStory story = LeadStory.newLead();
        story.publish(kafka);
        eventually()
                .until(() -> leads.timeline(LeadStory.TENANT, story.leadId).size()
                        >= story.expectedTitles().size());

        String page = mvc.perform(
                        get("/leads/demo/" + story.leadId).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"slot-color\">Banana</strong>").contains("(confirmed)");
        assertThat(page).contains("Webhook received from amoCRM").contains("SLA breach");
        assertThat(page.indexOf("Webhook received from amoCRM")).isLessThan(page.indexOf("Calendar slot Banana"));
        assertThat(page).doesNotContain("demo-secret");
    }

    @Test
    void the_week_board_and_the_other_screens_render() throws Exception {
        LeadStory story = LeadStory.newLead();
        story.publish(kafka);
        eventually()
                .until(() -> leads.timeline(LeadStory.TENANT, story.leadId).size()
                        >= story.expectedTitles().size());
        LocalDate week = story.meetingStart.atZone(ZoneId.of("Europe/Moscow")).toLocalDate();

        String board = body(get("/meetings").param("tenant", "demo").param("week", week.toString()));
        assertThat(board).contains("Паша").contains("slot-c5").contains("SLA");
        assertThat(body(get("/leads").param("tenant", "demo").param("q", story.name)))
                .contains(story.leadId);
        assertThat(body(get("/followup").param("tenant", "demo")))
                .contains(story.leadId)
                .contains("first-message");
        assertThat(body(get("/dead-letters"))).contains("Dead letters");
        assertThat(body(get("/alerts"))).contains("crm-blocked");
        assertThat(body(get("/audit"))).contains("Audit log");
    }

    @Test
    void connections_show_unreachable_services_and_the_consoles_own_config_check() throws Exception {
        String page = body(get("/connections").param("tenant", "demo"));

        assertThat(page).contains("Checked by crm-connector").contains("unreachable");
        assertThat(page).contains("static-token is meant for the sandbox and tests");
        assertThat(page).doesNotContain("sandbox-admin").doesNotContain("demo-secret");
    }

    @Test
    void connections_show_the_work_the_crm_connector_keeps_waiting() throws Exception {
        kafka.publish(
                Topics.OPS_REPORTS,
                new ConnectionStatusReported(
                        UUID.randomUUID().toString(),
                        "demo",
                        Instant.now(),
                        "crm-connector",
                        "crm-connector-1",
                        "amocrm",
                        "ok",
                        null,
                        null,
                        7.0,
                        12L,
                        0L,
                        0L,
                        null,
                        Map.of("circuit", "CLOSED", "waitingCommands", "4", "waitingHints", "1")));

        eventually()
                .until(() -> body(get("/connections").param("tenant", "demo")).contains("4 commands, 1 hint"));
    }

    @Test
    void a_connect_link_carries_a_ticket_the_connector_can_verify() throws Exception {
        MvcResult result = mvc.perform(get("/connections/demo/connect/amocrm").with(OPERATOR))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        URI location = URI.create(result.getResponse().getRedirectedUrl());
        assertThat(location.getPath()).isEqualTo("/connect/amocrm/demo");
        String ticket =
                UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("ticket");
        assertThat(adminAccess.verifyTicket("connect-amocrm", "demo", ticket)).isTrue();
        assertThat(adminAccess.verifyTicket("connect-google", "demo", ticket)).isFalse();
    }

    @Test
    void an_action_on_an_unreachable_service_fails_politely_and_is_audited() throws Exception {
        mvc.perform(post("/connections/demo-b24/webhooks/install")
                        .with(OPERATOR)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(
                        flash().attribute(
                                        "flash",
                                        new Flash(
                                                false,
                                                "install webhooks failed: crm-connector is unreachable at http://127.0.0.1:9")));

        assertThat(audit.recent(20))
                .anyMatch(e -> e.action().equals("connection.install-webhooks") && "demo-b24".equals(e.tenant()));
    }

    @Test
    void health_and_metrics_are_open_to_scrapers() throws Exception {
        LeadStory story = LeadStory.newLead();
        story.publish(kafka);
        eventually()
                .until(() -> leads.timeline(LeadStory.TENANT, story.leadId).size()
                        >= story.expectedTitles().size());

        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("slotbridge_console_records_projected_total")))
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.containsString(
                                                "slotbridge_console_webhooks_received_total{service=\"console\",source=\"amocrm\",tenant=\"demo\"}")));
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(OPERATOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
