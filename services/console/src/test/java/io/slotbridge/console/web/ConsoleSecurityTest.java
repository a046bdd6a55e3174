package io.slotbridge.console.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotbridge.console.alert.AlertProperties;
import io.slotbridge.console.alert.app.AlertBook;
import io.slotbridge.console.audit.AuditLog;
import io.slotbridge.console.config.ConsoleProperties;
import io.slotbridge.console.config.SecurityConfig;
import io.slotbridge.console.connection.app.ConnectionActions;
import io.slotbridge.console.connection.app.TenantConnections;
import io.slotbridge.console.deadletter.app.DeadLetter;
import io.slotbridge.console.deadletter.app.DeadLetterActions;
import io.slotbridge.console.deadletter.app.DeadLetters;
import io.slotbridge.console.followup.app.FollowUpRuns;
import io.slotbridge.console.lead.app.Leads;
import io.slotbridge.console.meeting.app.MeetingSlots;
import io.slotbridge.console.overview.app.Overviews;
import io.slotbridge.console.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Access rules of the console: login required, viewers look, operators act, CSRF on every form. */
@WebMvcTest(
        properties = {
            "spring.config.name=console",
            "slotbridge.console.users[0].username=ann",
            "slotbridge.console.users[0].password-hash=$2a$04$LQ1DONiPxsNtA1LiFfMpyuqtU9JLlvJwuGtAKgasNdDEf4ef1y7m.",
            "slotbridge.console.users[0].role=viewer"
        })
@Import({SecurityConfig.class, Formats.class, ConsoleErrorViews.class, ConsoleSecurityTest.Times.class})
@EnableConfigurationProperties({ConsoleProperties.class, AlertProperties.class})
class ConsoleSecurityTest {

    @TestConfiguration
    static class Times {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Tenants tenants;

    @MockitoBean
    Overviews overviews;

    @MockitoBean
    Leads leads;

    @MockitoBean
    MeetingSlots slots;

    @MockitoBean
    DeadLetters deadLetters;

    @MockitoBean
    DeadLetterActions actions;

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    FollowUpRuns runs;

    @MockitoBean
    TenantConnections connections;

    @MockitoBean
    ConnectionActions connectionActions;

    @MockitoBean
    AlertBook alerts;

    @Test
    void every_page_needs_a_login() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/dead-letters/1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in")));
        mvc.perform(get("/css/console.css")).andExpect(status().isOk());
    }

    @Test
    void a_live_refresh_after_the_session_expired_sends_htmx_to_the_login_page() throws Exception {
        mvc.perform(get("/overview/live").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void configured_users_sign_in_with_their_password_only() throws Exception {
        mvc.perform(formLogin("/login").user("ann").password("viewer-password-1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("ann").password("wrong")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void a_viewer_cannot_replay_discard_stop_or_connect() throws Exception {
        var viewer = user("ann").roles("VIEWER");

        mvc.perform(post("/dead-letters/7/replay").with(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/dead-letters/7/discard")
                        .param("reason", "x")
                        .with(viewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/dead-letters/replay-matching")
                        .param("upToId", "9")
                        .with(viewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dead-letters/replay-matching").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/followup/runs/run-1/stop").with(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/connections/demo/connect/amocrm").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/connections/demo/webhooks/install").with(viewer).with(csrf()))
                .andExpect(status().isForbidden());

        verify(actions, never()).replay(anyLong(), anyString());
        verify(actions, never()).discard(anyLong(), anyString(), anyString());
        verify(runs, never()).stop(anyString(), anyString());
    }

    @Test
    void an_operator_acts_only_with_a_csrf_token() throws Exception {
        var operator = user("bob").roles("VIEWER", "OPERATOR");
        when(actions.replay(7, "bob")).thenReturn(new DeadLetterActions.Outcome(true, "replayed dead letter 7"));

        mvc.perform(post("/dead-letters/7/replay").with(operator)).andExpect(status().isForbidden());
        verify(actions, never()).replay(anyLong(), anyString());

        mvc.perform(post("/dead-letters/7/replay").with(operator).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/dead-letters/7"));
        verify(actions).replay(7, "bob");
    }

    @Test
    void a_viewer_sees_a_dead_letter_without_action_buttons_and_pages_allow_only_own_scripts() throws Exception {
        when(tenants.zone(org.mockito.ArgumentMatchers.any())).thenReturn(java.time.ZoneOffset.UTC);
        when(deadLetters.get(5)).thenReturn(Optional.of(letter()));
        when(deadLetters.headers(5)).thenReturn(List.of(new DeadLetters.ShownHeader("ce_id", "snap-9", false)));
        when(audit.forTarget("dead-letter:5")).thenReturn(List.of());

        mvc.perform(get("/dead-letters/5").with(user("ann").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("stage unknown")))
                .andExpect(content().string(not(containsString("id=\"replay\""))))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private static DeadLetter letter() {
        return new DeadLetter(
                5,
                "crm.lead-events.v1-dlt",
                0,
                3,
                "crm.lead-events.v1",
                0,
                12L,
                "demo",
                "demo:1001",
                20,
                "{\"access_token\":\"***\"}",
                "snap-9",
                "lead.snapshot",
                "stage unknown",
                "sync",
                null,
                null,
                null,
                Instant.parse("2026-11-23T09:00:00Z"),
                "new",
                null,
                null,
                null);
    }
}
