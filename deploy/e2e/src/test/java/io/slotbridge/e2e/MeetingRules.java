package io.slotbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.LeadCard;
import io.slotbridge.local.people.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The meeting-slot rules of ОП-14 (DESIGN §2) in both directions, each on a lead of its own: people act in the
 * tenant's CRM in the sandbox (amoCRM or Bitrix24, see the subclasses) and in Google Calendar, and the other side must
 * follow. The same scenarios for every CRM: a Bitrix24 tenant gets the same product as an amoCRM one.
 */
@ExtendWith(SlotbridgeExtension.class)
abstract class MeetingRules {

    private final DemoTenant demo;

    MeetingRules(DemoTenant demo) {
        this.demo = demo;
    }

    @Test
    void bookingByTheCuratorCreatesTheSlotOfOp14WithTheExpertAsGuest() {
        DemoTenant.Booked booked = demo.bookedLead("Паша", 12);

        Slot slot = demo.awaitSlot(booked.id(), "the booked slot", s -> true);

        assertThat(slot.summary())
                .isEqualTo("Встреча с " + booked.lead().client() + " (категория B), 12:00 мск, (Паша)");
        assertThat(slot.start()).isEqualTo(booked.time());
        assertThat(slot.end()).isEqualTo(booked.time().plus(Duration.ofHours(1)));
        assertThat(slot.attendees()).containsExactly("pasha@demo.example");
        assertThat(slot.description()).contains(demo.cardUrl(booked.id())).contains("Хочет сменить профессию");
        assertThat(slot.popupReminderMinutes()).containsExactly(15);
        assertThat(slot.colorId())
                .as("scheduled = the calendar's default colour")
                .isNull();
        assertThat(slot.cancelled()).isFalse();
    }

    @Test
    void anExpertBookingForThemselvesGetsNoGuest() {
        DemoTenant.Lead lead = demo.newLead("Маша");
        Instant time = demo.tomorrowAt(15);
        demo.crmOf("Маша").book(lead.id(), time, "Маша", "A", null);

        Slot slot = demo.awaitSlot(lead.id(), "the slot the expert booked", s -> true);

        assertThat(slot.summary()).isEqualTo("Встреча с " + lead.client() + " (категория A), 15:00 мск, (Маша)");
        assertThat(slot.attendees()).isEmpty();
    }

    @Test
    void aMeetingBookedLaterThanTwoDaysAfterTheFirstContactIsNotedAsLate() {
        DemoTenant.Lead lead = demo.newLead(DemoTenant.CURATOR);
        // the shared simulated clock: three days pass between the first contact and the booking
        demo.running.clock().advance(Duration.ofDays(3));

        demo.crm.book(lead.id(), demo.tomorrowAt(12), "Паша", "C", null);

        demo.awaitSlot(lead.id(), "the slot of the late booking", s -> true);
        demo.awaitNotes(lead.id(), "a note that the booking broke ОП-14's two days", notes -> notes.stream()
                .anyMatch(n -> n.startsWith("Встреча назначена через") && n.contains("ОП-14")));
    }

    @Test
    void aNewTimeInTheCrmPaintsTheOldSlotGrapeAndCreatesANewOne() {
        DemoTenant.Booked booked = demo.bookedLead("Маша", 11);
        Slot first = demo.awaitSlot(booked.id(), "the first slot", s -> true);
        Instant later = booked.time().plus(Duration.ofDays(1)).plus(Duration.ofHours(3));

        demo.crm.setMeetingTime(booked.id(), later);

        List<Slot> slots = demo.awaitSlots(
                booked.id(),
                "the old slot Grape and a new one at the new time",
                all -> all.size() == 2
                        && CalendarPerson.GRAPE.equals(byId(all, first.id()).colorId())
                        && all.stream().anyMatch(s -> later.equals(s.start())));
        Slot old = byId(slots, first.id());
        Slot fresh =
                slots.stream().filter(s -> later.equals(s.start())).findFirst().orElseThrow();
        assertThat(old.start()).as("the old slot stays where it was").isEqualTo(booked.time());
        assertThat(old.cancelled()).as("slots are never deleted").isFalse();
        assertThat(fresh.id()).isNotEqualTo(first.id());
        assertThat(fresh.colorId()).isNull();
        assertThat(fresh.summary()).contains("14:00 мск");
        assertThat(fresh.meetingNumber()).isGreaterThan(old.meetingNumber());
        assertThat(demo.crm.read(booked.id()).stage()).isEqualTo(DemoTenant.STAGE_BOOKED);
    }

    @Test
    void grapeInTheCalendarAsksForTheNewTimeWhichThenGetsANewSlot() {
        DemoTenant.Booked booked = demo.bookedLead("Паша", 15);
        Slot first = demo.paintBookedSlot(booked, CalendarPerson.GRAPE);

        demo.awaitNotes(booked.id(), "a note asking for the new time", notes -> notes.stream()
                .anyMatch(n -> n.startsWith("Встречу") && n.contains("перенесли")));
        assertThat(demo.crm.read(booked.id()).stage()).isEqualTo(DemoTenant.STAGE_BOOKED);
        Instant later = booked.time().plus(Duration.ofDays(2));

        demo.crm.setMeetingTime(booked.id(), later);

        List<Slot> slots = demo.awaitSlots(
                booked.id(),
                "the old slot still Grape and a new one at the new time",
                all -> all.size() == 2
                        && CalendarPerson.GRAPE.equals(byId(all, first.id()).colorId())
                        && all.stream().anyMatch(s -> later.equals(s.start())));
        Slot fresh =
                slots.stream().filter(s -> later.equals(s.start())).findFirst().orElseThrow();
        assertThat(fresh.colorId()).isNull();
        assertThat(fresh.attendees()).containsExactly("pasha@demo.example");
    }

    @Test
    void closingTheLeadLostPaintsTheSlotTomatoAndDeletesNothing() {
        DemoTenant.Booked booked = demo.bookedLead("Паша", 13);
        Slot slot = demo.awaitSlot(booked.id(), "the booked slot", s -> true);

        demo.crm.closeLost(booked.id(), "Встреча отменена");

        Slot painted =
                demo.awaitSlot(booked.id(), "the slot painted Tomato", s -> CalendarPerson.TOMATO.equals(s.colorId()));
        assertThat(painted.id()).isEqualTo(slot.id());
        assertThat(painted.cancelled()).isFalse();
        assertThat(painted.start()).isEqualTo(booked.time());
    }

    @Test
    void bananaInTheCalendarIsAConfirmationNoteOnTheLead() {
        DemoTenant.Booked booked = demo.bookedLead("Маша", 16);
        demo.paintBookedSlot(booked, CalendarPerson.BANANA);

        demo.awaitNotes(booked.id(), "a confirmation note", notes -> notes.stream()
                .anyMatch(n -> n.startsWith("Клиент подтвердил встречу")));
        LeadCard lead = demo.crm.read(booked.id());
        assertThat(lead.stage()).isEqualTo(DemoTenant.STAGE_BOOKED);
        assertThat(lead.meetingTime()).isEqualTo(booked.time());
        assertThat(demo.slots(booked.id())).singleElement().satisfies(s -> assertThat(s.colorId())
                .isEqualTo(CalendarPerson.BANANA));
    }

    @Test
    void basilInTheCalendarMovesTheLeadToHeld() {
        DemoTenant.Booked booked = demo.bookedLead("Паша", 17);
        demo.paintBookedSlot(booked, CalendarPerson.BASIL);

        demo.awaitLead(booked.id(), "the lead in the held stage", lead -> DemoTenant.STAGE_HELD.equals(lead.stage()));
        assertThat(demo.slots(booked.id())).singleElement().satisfies(s -> assertThat(s.colorId())
                .isEqualTo(CalendarPerson.BASIL));
    }

    @Test
    void theExpertAcceptingTheInvitationIsANoteOnTheLead() {
        DemoTenant.Booked booked = demo.bookedLead("Маша", 19);
        Slot slot = demo.awaitSlot(booked.id(), "the slot the expert is invited to", s -> true);

        demo.calendar.answer(slot.id(), "masha@demo.example", "accepted");

        demo.awaitNotes(booked.id(), "a note that the expert accepted", notes -> notes.stream()
                .anyMatch(n -> n.startsWith("Эксперт") && n.contains("принял(а) приглашение на встречу")));
        assertThat(demo.crm.read(booked.id()).stage()).isEqualTo(DemoTenant.STAGE_BOOKED);
    }

    @Test
    void aSlotDeletedInTheCalendarIsRestoredPaintedTomatoAndNoted() {
        DemoTenant.Booked booked = demo.bookedLead("Маша", 10);
        Slot slot = demo.awaitSlot(booked.id(), "the booked slot", s -> true);

        demo.calendar.delete(slot.id());

        Slot restored = demo.awaitSlot(
                booked.id(),
                "the slot restored and painted Tomato",
                s -> !s.cancelled() && CalendarPerson.TOMATO.equals(s.colorId()));
        assertThat(restored.id()).isEqualTo(slot.id());
        assertThat(restored.start()).isEqualTo(booked.time());
        demo.awaitNotes(booked.id(), "a note that the slot was deleted and restored", notes -> notes.stream()
                .anyMatch(n -> n.startsWith("Слот встречи") && n.contains("восстановил")));
        LeadCard lead = demo.awaitLead(
                booked.id(),
                "the lead closed lost (a deleted slot cancels the meeting, tomato-means: close-lost)",
                card -> DemoTenant.STAGE_LOST.equals(card.stage()));
        assertThat(lead.lossReason()).isEqualTo("Встреча отменена");
    }

    @Test
    void tomatoInTheCalendarClosesTheLeadLostAsCancelled() {
        DemoTenant.Booked booked = demo.bookedLead("Паша", 14);
        Slot slot = demo.paintBookedSlot(booked, CalendarPerson.TOMATO);

        LeadCard lead =
                demo.awaitLead(booked.id(), "the lead closed lost", card -> DemoTenant.STAGE_LOST.equals(card.stage()));
        assertThat(lead.lossReason()).isEqualTo("Встреча отменена");
        assertThat(demo.slots(booked.id())).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(slot.id());
            assertThat(s.colorId()).isEqualTo(CalendarPerson.TOMATO);
            assertThat(s.cancelled()).isFalse();
        });
    }

    @Test
    void aSlotDraggedInTheCalendarMovesTheMeetingOnTheLead() {
        DemoTenant.Booked booked = demo.bookedLead("Маша", 14);
        Slot slot = demo.awaitSlot(booked.id(), "the booked slot", s -> true);
        Instant later = booked.time().plus(Duration.ofDays(1)).plus(Duration.ofHours(4));

        demo.calendar.move(slot.id(), later, later.plus(Duration.ofHours(1)));

        LeadCard lead = demo.awaitLead(
                booked.id(), "the meeting time on the lead moved", card -> later.equals(card.meetingTime()));
        assertThat(lead.stage()).isEqualTo(DemoTenant.STAGE_BOOKED);
        Slot moved = demo.awaitSlot(
                booked.id(),
                "the same slot, titled with the new time (a move is no reschedule: no Grape, no second slot)",
                s -> s.summary().contains("18:00 мск"));
        assertThat(moved.id()).isEqualTo(slot.id());
        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.colorId()).isNull();
    }

    private static Slot byId(List<Slot> slots, String id) {
        return slots.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
