package io.slotbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slotbridge.local.people.Bitrix24Person;
import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The booking rule for the Bitrix24 demo tenant {@code demo-b24}: a curator books a deal in the sandbox's portal and
 * the slot appears in that tenant's calendar. Runs once the crm-connector of this build serves Bitrix24 (the launcher
 * could install its event handlers); until then it is reported as skipped, with the reason.
 */
@ExtendWith(SlotbridgeExtension.class)
class Bitrix24BookingIT {

    private static final String TENANT = "demo-b24";
    /** Ольга, the curator, in the sandbox's demo portal: she books, so the expert is invited. */
    private static final long CURATOR_USER_ID = 4;

    private final DemoTenant demo;

    Bitrix24BookingIT(DemoTenant demo) {
        this.demo = demo;
    }

    @Test
    void bookingADealCreatesTheSlotOfOp14InTheTenantsCalendar() {
        assumeTrue(
                demo.running.crmConnected(TENANT),
                "the crm-connector of this build has no Bitrix24 adapter (its event handlers could not be installed: "
                        + demo.running.provisioning() + ")");
        String sandbox = demo.running.sandboxUrl();
        Bitrix24Person crm = new Bitrix24Person(sandbox, TENANT, CURATOR_USER_ID);
        CalendarPerson calendar =
                new CalendarPerson(sandbox, demo.running.tenant(TENANT).calendarId());
        String client = "Клиент Б24 " + System.nanoTime() % 100_000;
        long deal = crm.createDeal("Сделка: " + client, client, "+79970000001");
        Instant time = demo.tomorrowAt(12);

        crm.book(deal, time, "Паша", "B", "Хочет сменить профессию");

        List<Slot> slots = DemoTenant.patiently("the booked slot of the Bitrix24 deal")
                .until(() -> calendar.slotsOf(TENANT, deal), found -> found.size() == 1);
        Slot slot = slots.get(0);
        assertThat(slot.summary()).isEqualTo("Встреча с " + client + " (категория B), 12:00 мск, (Паша)");
        assertThat(slot.start()).isEqualTo(time);
        assertThat(slot.end()).isEqualTo(time.plus(Duration.ofHours(1)));
        assertThat(slot.attendees()).containsExactly("pasha@demo.example");
        assertThat(slot.description())
                .contains(sandbox + "/bitrix24/demo-b24/crm/deal/details/" + deal + "/")
                .contains("Хочет сменить профессию");
        assertThat(slot.popupReminderMinutes()).containsExactly(15);
        assertThat(slot.colorId()).isNull();
        assertThat(crm.stage(deal)).isEqualTo(DemoTenant.STAGE_BOOKED);
    }
}
