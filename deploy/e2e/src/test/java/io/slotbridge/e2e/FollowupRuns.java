package io.slotbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.local.RunningSlotbridge;
import io.slotbridge.local.Service;
import io.slotbridge.local.people.LeadCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up service's run list (its admin API, as the console reads it). Tests act only through the sandbox; they
 * read runs only to know when the simulated clock may move on — a run's next due time — so a week of follow-up
 * passes in a few seconds without sleeping.
 */
final class FollowupRuns {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A week of follow-up is about ten due steps; this many means the run never ends. */
    private static final int MAX_CLOCK_MOVES = 40;

    private final DemoTenant demo;
    private final RunningSlotbridge running;
    private final String tenant;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    FollowupRuns(DemoTenant tenant) {
        this.demo = tenant;
        this.running = tenant.running;
        this.tenant = tenant.name;
    }

    /** The lead's latest run, if any. */
    Optional<Run> of(long leadId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(running.url(Service.FOLLOWUP) + "/admin/runs?tenant=" + tenant + "&lead=" + leadId))
                .header("Authorization", "Bearer " + running.adminToken())
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET /admin/runs answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode runs = JSON.readTree(response.body());
            JsonNode latest = null;
            for (JsonNode run : runs) {
                if (latest == null
                        || run.path("startedAt")
                                        .asText()
                                        .compareTo(latest.path("startedAt").asText())
                                > 0) {
                    latest = run;
                }
            }
            return Optional.ofNullable(latest).map(Run::of);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @param nextDueAt null when the run has nothing more to do */
    record Run(String scenario, String status, String stopReason, Instant nextDueAt) {

        static Run of(JsonNode run) {
            return new Run(
                    run.path("scenario").asText(),
                    run.path("status").asText(),
                    run.path("stopReason").asText(null),
                    run.hasNonNull("nextDueAt")
                            ? Instant.parse(run.get("nextDueAt").asText())
                            : null);
        }

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /**
     * Where scenarios A and B end for a client who never answers: the run completed, the lead closed {@code Отказ.
     * Сделка закрыта} with the reason {@code Нет контакта}, each call task on it, each template sent once in order.
     */
    void assertRunsToNoContact(DemoTenant.Lead lead, List<String> calls, List<String> templates) {
        assertThat(runToTheEnd(lead.id()).status()).isEqualTo("COMPLETED");

        LeadCard closed = demo.awaitLead(
                lead.id(),
                "the silent client's lead closed lost for no contact",
                card -> DemoTenant.STAGE_LOST.equals(card.stage()));
        assertThat(closed.lossReason()).isEqualTo("Нет контакта");
        // the simulated clock puts days between the last call task and the closing into one second: the connector may
        // write both in one batch, kind by kind, so the closed lead can be read before its last task
        List<String> tasks = DemoTenant.patiently("every call task on the lead")
                .until(() -> demo.crm.tasks(lead.id()), written -> written.containsAll(calls));
        assertThat(tasks).containsExactlyInAnyOrderElementsOf(calls);
        assertThat(demo.whatsAppTo(lead.phone()))
                .as("each template once, in the sequence's order")
                .extracting(message -> message.path("templateId").asText())
                .containsExactlyElementsOf(templates);
    }

    /** Waits until the lead has an active run of scenario B. */
    void awaitScenarioB(long leadId) {
        awaitScenario("B", leadId);
    }

    /** Waits until the lead has an active run of the scenario. */
    void awaitScenario(String scenario, long leadId) {
        Run run = DemoTenant.patiently("scenario " + scenario + " started for lead " + leadId)
                .until(() -> of(leadId).orElse(null), r -> r != null && r.active());
        if (!scenario.equals(run.scenario())) {
            throw new AssertionError("lead " + leadId + " runs scenario " + run.scenario() + ", not " + scenario);
        }
    }

    /**
     * Moves the shared clock to each next due step of the lead's run and waits until the follow-up has taken it, until
     * the run is over; returns the finished run. Outside working hours the next due time is already the next working
     * morning, so the jumps stay few.
     */
    Run runToTheEnd(long leadId) {
        for (int move = 0; move < MAX_CLOCK_MOVES; move++) {
            Run run = DemoTenant.patiently("the follow-up takes its due step")
                    .until(
                            () -> of(leadId).orElseThrow(),
                            r -> !r.active()
                                    || r.nextDueAt() == null
                                    || r.nextDueAt().isAfter(running.clock().instant()));
            if (!run.active()) {
                return run;
            }
            Instant now = running.clock().instant();
            running.clock().advance(Duration.between(now, run.nextDueAt()).plusSeconds(1));
        }
        throw new AssertionError("the follow-up run of lead " + leadId + " did not end after " + MAX_CLOCK_MOVES
                + " clock moves: " + of(leadId));
    }
}
