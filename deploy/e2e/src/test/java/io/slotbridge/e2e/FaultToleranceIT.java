package io.slotbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.local.Service;
import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.LeadCard;
import io.slotbridge.local.people.SandboxControl;
import io.slotbridge.local.people.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules hold when the SaaS APIs misbehave and a service restarts: 429 bursts and 5xx from amoCRM, Google and
 * Wazzup, added latency, 10 % of webhooks and push notifications never sent, and the decider (sync) restarted while
 * leads are in flight. The end states are those of {@link MeetingRules} and {@link FollowupScenarioB}, with no
 * duplicate slot, no duplicate WhatsApp message, and — once everything has converged — no more writes to any API
 * (an echo loop would keep writing).
 */
@ExtendWith(SlotbridgeExtension.class)
class FaultToleranceIT {

    /** Longer than two anti-entropy sweeps of both connectors: a loop would have written by then. */
    private static final Duration AT_REST = Duration.ofSeconds(25);

    private static final List<String> APIS = List.of("amocrm", "google", "wazzup");

    private final DemoTenant demo;
    private final FollowupRuns runs;

    FaultToleranceIT(DemoTenant demo) {
        this.demo = demo;
        this.runs = new FollowupRuns(demo);
    }

    @AfterEach
    void clearFaults() {
        APIS.forEach(demo.sandbox::clearFaults);
    }

    @Test
    void theSameEndStatesUnderFaultsAndARestartWithoutDuplicatesAndWithoutWritesAtRest() {
        JsonNode before = demo.sandbox.stats();
        demo.sandbox.faults("amocrm", faults(0.1, 429, 0, 0.1));
        demo.sandbox.faults("google", faults(0.1, 503, 100, 0.1));
        demo.sandbox.faults("wazzup", faults(0.2, 500, 0, 0.1));

        DemoTenant.Booked kept = demo.bookedLead("Паша", 11);
        DemoTenant.Booked moved = demo.bookedLead("Маша", 12);
        DemoTenant.Booked lost = demo.bookedLead("Паша", 14);
        DemoTenant.Booked noShow = demo.bookedLead("Маша", 16);
        Slot movedFirst = demo.awaitSlot(moved.id(), "the first slot of the lead to move", s -> true);
        demo.awaitSlot(lost.id(), "the slot of the lead to lose", s -> true);

        demo.running.restart(Service.SYNC);

        Instant later = moved.time().plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
        demo.crm.setMeetingTime(moved.id(), later);
        demo.crm.closeLost(lost.id(), "Встреча отменена");
        demo.paintBookedSlot(noShow, CalendarPerson.GRAPHITE);
        runs.awaitScenarioB(noShow.id());
        assertThat(runs.runToTheEnd(noShow.id()).status()).isEqualTo("COMPLETED");

        Slot keptSlot = demo.awaitSlot(kept.id(), "the kept slot", s -> true);
        assertThat(keptSlot.colorId()).isNull();
        assertThat(keptSlot.start()).isEqualTo(kept.time());
        demo.awaitSlots(
                moved.id(),
                "the old slot Grape and exactly one new slot",
                slots -> slots.size() == 2
                        && slots.stream()
                                .anyMatch(
                                        s -> s.id().equals(movedFirst.id()) && CalendarPerson.GRAPE.equals(s.colorId()))
                        && slots.stream().anyMatch(s -> later.equals(s.start()) && s.colorId() == null));
        demo.awaitSlot(lost.id(), "the lost lead's slot Tomato", s -> CalendarPerson.TOMATO.equals(s.colorId()));
        LeadCard closed = demo.awaitLead(
                noShow.id(), "the no-show closed lost", lead -> DemoTenant.STAGE_LOST.equals(lead.stage()));
        assertThat(closed.lossReason()).isEqualTo("Нет контакта");
        assertThat(demo.whatsAppTo(noShow.lead().phone()))
                .as("each template of scenario B reached the client exactly once")
                .extracting(message -> message.path("templateId").asText())
                .containsExactlyElementsOf(FollowupScenarioB.TEMPLATES);
        for (DemoTenant.Booked booked : List.of(kept, moved, lost, noShow)) {
            assertThat(demo.slots(booked.id()))
                    .as("no slot of lead %s is deleted", booked.id())
                    .noneMatch(Slot::cancelled);
        }

        awaitNoWritesFor(AT_REST);

        JsonNode after = demo.sandbox.stats();
        for (String api : APIS) {
            assertThat(counter(after, api, "webhooksFailed") - counter(before, api, "webhooksFailed"))
                    .as(
                            "every %s webhook the sandbox sent (and did not drop on purpose) reached the gateway, also"
                                    + " after the restart",
                            api)
                    .isZero();
        }
        assertThat(injected(after, "amocrm") - injected(before, "amocrm"))
                .as("amoCRM really answered with injected 429s")
                .isPositive();
        assertThat(injected(after, "google") - injected(before, "google"))
                .as("Google really answered with injected 503s")
                .isPositive();
    }

    /** Converged: no API write at all (ours or anyone's) for the given span, reached within the usual patience. */
    private void awaitNoWritesFor(Duration span) {
        DemoTenant.patiently("no writes to any API for " + span.toSeconds() + " s")
                .atMost(DemoTenant.PATIENCE.plus(span))
                .until(
                        () -> Duration.between(
                                lastWriteAt(), demo.running.clock().instant()),
                        quiet -> quiet.compareTo(span) >= 0);
    }

    private Instant lastWriteAt() {
        return demo.sandbox.requests(2000).stream()
                .filter(SandboxControl.Request::isWrite)
                .map(request -> Instant.parse(request.at()))
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private static Map<String, Object> faults(double errorRatio, int errorStatus, long latencyMillis, double dropped) {
        return Map.of(
                "errorRatio", errorRatio,
                "errorStatus", errorStatus,
                "latencyMillis", latencyMillis,
                "droppedWebhookRatio", dropped);
    }

    private static long injected(JsonNode stats, String api) {
        return counter(stats, api, "injectedErrors");
    }

    private static long counter(JsonNode stats, String api, String name) {
        return stats.path(api).path(name).asLong();
    }
}
