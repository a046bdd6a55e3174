package io.slotbridge.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.console.common.domain.SlotColor;
import io.slotbridge.console.deadletter.app.DeadLetter;
import io.slotbridge.console.deadletter.app.DeadLetters;
import io.slotbridge.console.deadletter.domain.DeadLetterFilter;
import io.slotbridge.console.followup.app.FollowUpRuns;
import io.slotbridge.console.lead.app.Leads;
import io.slotbridge.console.meeting.app.MeetingSlots;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Records published to the real topics end up in the console's projection: timelines, meetings, runs, letters. */
class ProjectionIT extends ConsoleIntegrationTest {

    @Autowired
    Leads leads;

    @Autowired
    MeetingSlots slots;

    @Autowired
    FollowUpRuns runs;

    @Autowired
    DeadLetters deadLetters;

    @Test
    void a_leads_records_from_every_topic_form_one_timeline_in_time_order() {
        LeadStory story = LeadStory.newLead();

        story.publish(kafka);

        eventually()
                .until(() -> leads.timeline(LeadStory.TENANT, story.leadId).size()
                        >= story.expectedTitles().size());
        List<String> titles = leads.timeline(LeadStory.TENANT, story.leadId).stream()
                .map(Leads.TimelineItem::title)
                .toList();
        assertThat(titles).hasSameSizeAs(story.expectedTitles());
        for (int i = 0; i < titles.size(); i++) {
            assertThat(titles.get(i))
                    .as("timeline line %d", i)
                    .startsWith(story.expectedTitles().get(i));
        }
    }

    @Test
    void timeline_lines_keep_the_links_between_records() {
        LeadStory story = LeadStory.newLead();

        story.publish(kafka);

        eventually()
                .until(() -> leads.timeline(LeadStory.TENANT, story.leadId).size()
                        >= story.expectedTitles().size());
        List<Leads.TimelineItem> timeline = leads.timeline(LeadStory.TENANT, story.leadId);
        Leads.TimelineItem hint = line(timeline, "amoCRM said");
        Leads.TimelineItem decision = line(timeline, "Decision");
        Leads.TimelineItem rejected = line(timeline, "CRM rejected");
        Leads.TimelineItem webhook = line(timeline, "Webhook received");
        assertThat(hint.rawEventId()).isEqualTo(webhook.messageId()).isEqualTo(story.rawId);
        assertThat(decision.causationId()).isEqualTo(story.snapshotId);
        assertThat(rejected.commandId()).isEqualTo(story.noteCommandId);
        assertThat(rejected.outcome()).isEqualTo("failed");
        assertThat(rejected.detail()).contains("does not exist").contains("HTTP 404");
    }

    @Test
    void leads_are_found_by_id_name_and_phone_and_show_their_current_slot_colour() {
        LeadStory story = LeadStory.newLead();

        story.publish(kafka);

        eventually().until(() -> slots.current(LeadStory.TENANT, story.leadId)
                .map(MeetingSlots.Slot::seenInCalendar)
                .orElse(false));
        assertThat(leads.search(LeadStory.TENANT, story.leadId))
                .extracting(Leads.Lead::leadId)
                .containsExactly(story.leadId);
        assertThat(leads.search(LeadStory.TENANT, story.name))
                .extracting(Leads.Lead::leadId)
                .contains(story.leadId);
        assertThat(leads.search(LeadStory.TENANT, "+" + story.phone.charAt(0) + " " + story.phone.substring(1)))
                .extracting(Leads.Lead::leadId)
                .contains(story.leadId);
        MeetingSlots.Slot slot = slots.current(LeadStory.TENANT, story.leadId).orElseThrow();
        assertThat(slot.color()).isEqualTo(SlotColor.BANANA);
        assertThat(slot.slotId()).isEqualTo(story.slotId);
    }

    @Test
    void the_meetings_board_shows_the_slot_under_its_expert_with_the_sla_breach() {
        LeadStory story = LeadStory.newLead();

        story.publish(kafka);

        eventually().until(() -> slots.current(LeadStory.TENANT, story.leadId)
                .filter(MeetingSlots.Slot::slaBreached)
                .filter(MeetingSlots.Slot::seenInCalendar)
                .isPresent());
        List<MeetingSlots.Slot> week = slots.between(
                LeadStory.TENANT, story.meetingStart.minus(Duration.ofHours(1)), story.meetingStart.plusSeconds(1));
        MeetingSlots.Slot slot = week.stream()
                .filter(s -> s.leadId().equals(story.leadId))
                .findFirst()
                .orElseThrow();
        assertThat(slot.expert()).isEqualTo("Паша");
        assertThat(slot.meetingState()).isEqualTo("scheduled");
        assertThat(slot.start()).isEqualTo(story.meetingStart);
        assertThat(slot.leadName()).isEqualTo(story.name);
        assertThat(slot.slaDetail()).contains("limit PT48H");
    }

    @Test
    void follow_up_runs_show_their_current_step_and_next_due_time() {
        LeadStory story = LeadStory.newLead();

        story.publish(kafka);

        eventually()
                .until(() ->
                        runs.get(story.runId).map(r -> r.stepIndex() != null).orElse(false));
        FollowUpRuns.Run run = runs.get(story.runId).orElseThrow();
        assertThat(run.state()).isEqualTo("active");
        assertThat(run.stepName()).isEqualTo("first-message");
        assertThat(run.nextDueAt()).isEqualTo(story.t0.plusSeconds(3_600));
        assertThat(runs.active(LeadStory.TENANT))
                .extracting(FollowUpRuns.Run::runId)
                .contains(story.runId);
    }

    @Test
    void dead_letters_keep_their_original_coordinates_and_show_the_payload_with_secrets_masked() {
        String marker = UUID.randomUUID().toString();
        String body =
                ProviderFixtures.body("bitrix24/crm-contact-add-app-event-formurlencoded.txt") + "&marker=" + marker;
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(CloudEvents.TENANT, "demo-b24".getBytes(StandardCharsets.UTF_8)));

        DeadLetterFixture.deadLetterBytes(
                Topics.INGRESS_RAW.name(),
                1,
                4242,
                "demo-b24:bitrix24".getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8),
                headers,
                "gateway",
                "body is not a Bitrix24 event " + marker);

        DeadLetterFilter filter = new DeadLetterFilter("demo-b24", Topics.INGRESS_RAW.name(), null, marker);
        eventually().until(() -> !deadLetters.find(filter, 10).isEmpty());
        DeadLetter letter = deadLetters.find(filter, 10).get(0);
        assertThat(letter.originalTopic()).isEqualTo(Topics.INGRESS_RAW.name());
        assertThat(letter.originalPartition()).isEqualTo(1);
        assertThat(letter.originalOffset()).isEqualTo(4242L);
        assertThat(letter.dltTopic()).isEqualTo(Topics.INGRESS_RAW.dlt());
        assertThat(letter.failedBy()).isEqualTo("gateway");
        assertThat(letter.state()).isEqualTo("new");
        assertThat(letter.payloadPreview())
                .contains("auth%5Bapplication_token%5D=***")
                .contains("auth%5Baccess_token%5D=***")
                .doesNotContain("3c6c9248ec54af6bea1159b43ee0ab32")
                .contains(marker);
        assertThat(body).containsPattern("auth%5Bapplication_token%5D=[a-z0-9]{8,}");
        String sealed =
                jdbc.queryForObject("select payload_sealed from dead_letter where id = ?", String.class, letter.id());
        assertThat(sealed).startsWith("sb1:it:").doesNotContain(marker);
    }

    private static Leads.TimelineItem line(List<Leads.TimelineItem> timeline, String titleStart) {
        return timeline.stream()
                .filter(i -> i.title().startsWith(titleStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + titleStart));
    }
}
