package io.slotbridge.local.demo;

import io.slotbridge.local.people.AmoCrmPerson;
import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.SandboxControl;
import io.slotbridge.local.people.Slot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's people doing one thing each, with a log line saying who did what. */
final class DemoActions {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final AmoCrmPerson crm;
    private final CalendarPerson calendar;
    private final SandboxControl sandbox;
    private final String wazzupChannelId;
    private final Clock clock;
    private final Random random = new Random();

    DemoActions(
            AmoCrmPerson crm, CalendarPerson calendar, SandboxControl sandbox, String wazzupChannelId, Clock clock) {
        this.crm = crm;
        this.calendar = calendar;
        this.sandbox = sandbox;
        this.wazzupChannelId = wazzupChannelId;
        this.clock = clock;
    }

    /** @return false when the step has to wait for Slotbridge (no slot yet) */
    boolean take(DemoStory.Step step, DemoStory story) {
        return switch (step) {
            case CREATE -> {
                story.leadId = crm.createLead("Заявка: " + story.client, story.client, "+" + story.phone, "Иван");
                log.info("demo: Иван (call centre) created lead #{} for {}", story.leadId, story.client);
                yield true;
            }
            case QUALIFY -> {
                crm.moveTo(story.leadId, "Квалифицирован");
                log.info(
                        "demo: Иван qualified lead #{}{}",
                        story.leadId,
                        story.plan == DemoStory.Plan.SILENT
                                ? " — nobody books it: follow-up scenario A starts after 24 h in the stage"
                                : "");
                yield true;
            }
            case BOOK -> {
                story.meetingTime = tomorrowAt(10 + random.nextInt(8));
                crm.book(story.leadId, story.meetingTime, story.expert, story.category, story.goal);
                log.info(
                        "demo: {} booked lead #{} with {} for {} мск",
                        story.responsible,
                        story.leadId,
                        story.expert,
                        ZonedDateTime.ofInstant(story.meetingTime, MOSCOW).toLocalDateTime());
                yield true;
            }
            case CONFIRM_IN_CALENDAR -> paint(story, CalendarPerson.BANANA, "the client confirmed on the morning call");
            case HOLD_IN_CALENDAR -> paint(story, CalendarPerson.BASIL, "the meeting took place");
            case CANCEL_IN_CALENDAR -> paint(story, CalendarPerson.TOMATO, "the client cancelled");
            case NO_SHOW_IN_CALENDAR ->
                paint(story, CalendarPerson.GRAPHITE, "the client did not come (follow-up scenario B starts)");
            case CLOSE_LOST_IN_CRM -> {
                crm.closeLost(story.leadId, "Встреча отменена");
                log.info("demo: {} closed lead #{} lost (Встреча отменена)", story.responsible, story.leadId);
                yield true;
            }
            case CHANGE_TIME_IN_CRM -> {
                story.meetingTime = story.meetingTime.plus(Duration.ofDays(1));
                crm.setMeetingTime(story.leadId, story.meetingTime);
                log.info(
                        "demo: {} moved lead #{}'s meeting to {} мск in amoCRM",
                        story.responsible,
                        story.leadId,
                        ZonedDateTime.ofInstant(story.meetingTime, MOSCOW).toLocalDateTime());
                yield true;
            }
            case DRAG_SLOT ->
                withSlot(story, slot -> {
                    Instant start = slot.start().plus(Duration.ofHours(2));
                    calendar.move(slot.id(), start, start.plus(Duration.between(slot.start(), slot.end())));
                    log.info(
                            "demo: {} dragged lead #{}'s slot two hours later in Google Calendar",
                            story.expert,
                            story.leadId);
                });
            case DELETE_SLOT ->
                withSlot(story, slot -> {
                    calendar.delete(slot.id());
                    log.info(
                            "demo: someone deleted lead #{}'s slot in Google Calendar (Slotbridge restores it)",
                            story.leadId);
                });
            case CLIENT_REPLIES -> {
                sandbox.clientWrites(
                        wazzupChannelId, story.phone, "Здравствуйте! Извините, не смог прийти. Можно" + " перенести?");
                log.info("demo: {} answered on WhatsApp (the follow-up of lead #{} stops)", story.client, story.leadId);
                yield true;
            }
        };
    }

    private boolean paint(DemoStory story, String colorId, String why) {
        return withSlot(story, slot -> {
            calendar.paint(slot.id(), colorId);
            log.info("demo: {} painted lead #{}'s slot {}: {}", story.expert, story.leadId, colour(colorId), why);
        });
    }

    private boolean withSlot(DemoStory story, java.util.function.Consumer<Slot> action) {
        Optional<Slot> slot =
                calendar.latestSlotOf(DemoTraffic.TENANT, story.leadId).filter(s -> !s.cancelled());
        if (slot.isEmpty()) {
            return false;
        }
        action.accept(slot.get());
        return true;
    }

    private Instant tomorrowAt(int hour) {
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), MOSCOW).plusDays(1);
        return ZonedDateTime.of(tomorrow, LocalTime.of(hour, 0), MOSCOW).toInstant();
    }

    private static String colour(String colorId) {
        return switch (colorId) {
            case CalendarPerson.BANANA -> "Banana";
            case CalendarPerson.BASIL -> "Basil";
            case CalendarPerson.TOMATO -> "Tomato";
            case CalendarPerson.GRAPE -> "Grape";
            case CalendarPerson.GRAPHITE -> "Graphite";
            default -> "colour " + colorId;
        };
    }
}
