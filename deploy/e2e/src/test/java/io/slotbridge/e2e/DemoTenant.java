package io.slotbridge.e2e;

import static org.awaitility.Awaitility.await;

import io.slotbridge.local.RunningSlotbridge;
import io.slotbridge.local.TenantOverview;
import io.slotbridge.local.people.AmoCrmPerson;
import io.slotbridge.local.people.Bitrix24Person;
import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.CrmPerson;
import io.slotbridge.local.people.LeadCard;
import io.slotbridge.local.people.SandboxControl;
import io.slotbridge.local.people.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.awaitility.core.ConditionFactory;

/**
 * A demo tenant of a running Slotbridge as its people see it: a curator in its CRM (amoCRM for {@value #AMOCRM},
 * Bitrix24 for {@value #BITRIX24}), someone with the meeting calendar open, WhatsApp clients, and the sandbox's control
 * API. Every lead a test creates is new (unique client and phone), so tests never see each other's leads.
 */
public final class DemoTenant {

    /** The amoCRM demo tenant (DESIGN §8). */
    static final String AMOCRM = "demo";
    /** The Bitrix24 demo tenant (DESIGN §8): a deal is its lead. */
    static final String BITRIX24 = "demo-b24";

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String CURATOR = "Ольга";
    static final String STAGE_BOOKED = "5. Встреча назначена";
    static final String STAGE_HELD = "6. Встреча проведена";
    static final String STAGE_LOST = "Отказ. Сделка закрыта";

    /** How long Slotbridge may take to converge (a webhook, Kafka hops, a batched API call, maybe a sweep). */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final AtomicInteger NEXT_LEAD = new AtomicInteger();

    final String name;
    final RunningSlotbridge running;
    /** The curator, Ольга. */
    final CrmPerson crm;

    final CalendarPerson calendar;
    final SandboxControl sandbox;
    final TenantOverview overview;
    private final Function<String, CrmPerson> colleagues;
    private final Map<String, CrmPerson> colleaguesByName = new ConcurrentHashMap<>();
    private final LongFunction<String> cardUrl;

    private DemoTenant(
            String name,
            RunningSlotbridge running,
            CrmPerson curator,
            Function<String, CrmPerson> colleagues,
            LongFunction<String> cardUrl) {
        this.name = name;
        this.running = running;
        this.overview = running.tenant(name);
        this.crm = curator;
        this.colleagues = colleagues;
        this.cardUrl = cardUrl;
        this.calendar = new CalendarPerson(running.sandboxUrl(), overview.calendarId());
        this.sandbox = new SandboxControl(running.sandboxUrl());
    }

    /** The demo tenant of that name in the running Slotbridge. */
    static DemoTenant of(String name, RunningSlotbridge running) {
        if (!running.crmConnected(name)) {
            // a failure, not a skip: without its CRM's webhooks no scenario of the tenant can pass
            throw new IllegalStateException("the launcher could not install the CRM webhooks of tenant " + name + ": "
                    + running.provisioning());
        }
        String sandbox = running.sandboxUrl();
        return switch (name) {
            case AMOCRM -> {
                AmoCrmPerson amo = AmoCrmPerson.demo(sandbox);
                // amoCRM people act through an integration: a change belongs to no user, the lead's responsible counts
                yield new DemoTenant(
                        name, running, amo, user -> amo, id -> sandbox + "/amocrm/demo/leads/detail/" + id);
            }
            case BITRIX24 -> {
                Bitrix24Person curator = Bitrix24Person.named(sandbox, name, CURATOR);
                yield new DemoTenant(
                        name,
                        running,
                        curator,
                        curator::colleague,
                        id -> sandbox + "/bitrix24/" + name + "/crm/deal/details/" + id + "/");
            }
            default -> throw new IllegalArgumentException("no demo tenant " + name);
        };
    }

    /** The CRM as the named user works in it: what they change there is theirs. */
    CrmPerson crmOf(String user) {
        return colleaguesByName.computeIfAbsent(user, colleagues);
    }

    /** The link to the lead's card that slots carry in their description. */
    String cardUrl(long leadId) {
        return cardUrl.apply(leadId);
    }

    /** A lead of a new client, in the first stage, owned by {@code responsible}. */
    Lead newLead(String responsible) {
        int number = NEXT_LEAD.incrementAndGet();
        String client = "Клиент E2E " + number + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        String phone = "7999" + String.format("%07d", (System.nanoTime() / 1000 + number * 7919L) % 10_000_000);
        long id = crm.createLead("Заявка: " + client, client, "+" + phone, responsible);
        return new Lead(id, client, phone);
    }

    /** A lead of a new client whom the curator books with {@code expert} tomorrow at {@code hour}:00 Moscow time. */
    Booked bookedLead(String expert, int hour) {
        Lead lead = newLead(CURATOR);
        Instant time = tomorrowAt(hour);
        crm.book(lead.id(), time, expert, "B", "Хочет сменить профессию");
        return new Booked(lead, time, expert);
    }

    Instant tomorrowAt(int hour) {
        LocalDate tomorrow =
                LocalDate.ofInstant(running.clock().instant(), MOSCOW).plusDays(1);
        return ZonedDateTime.of(tomorrow, LocalTime.of(hour, 0), MOSCOW).toInstant();
    }

    List<Slot> slots(long leadId) {
        return calendar.slotsOf(name, leadId);
    }

    /** Waits until the lead's slots satisfy the condition; returns them. */
    List<Slot> awaitSlots(long leadId, String what, Predicate<List<Slot>> condition) {
        return patiently(what).until(() -> slots(leadId), condition);
    }

    /** Waits for the lead's only slot (the one booking created) to satisfy the condition; returns it. */
    Slot awaitSlot(long leadId, String what, Predicate<Slot> condition) {
        return awaitSlots(leadId, what, slots -> slots.size() == 1 && condition.test(slots.get(0)))
                .get(0);
    }

    /** Someone picks a colour for the lead's booked slot, once Slotbridge has created it; returns the slot. */
    Slot paintBookedSlot(Booked booked, String colorId) {
        Slot slot = awaitSlot(booked.id(), "the booked slot", s -> true);
        calendar.paint(slot.id(), colorId);
        return slot;
    }

    LeadCard awaitLead(long leadId, String what, Predicate<LeadCard> condition) {
        return patiently(what).until(() -> crm.read(leadId), lead -> lead != null && condition.test(lead));
    }

    List<String> awaitNotes(long leadId, String what, Predicate<List<String>> condition) {
        return patiently(what).until(() -> crm.notes(leadId), condition);
    }

    Optional<Slot> latestSlot(long leadId) {
        return calendar.latestSlotOf(name, leadId);
    }

    /** WhatsApp messages Wazzup accepted for the client's phone. */
    List<com.fasterxml.jackson.databind.JsonNode> whatsAppTo(String phone) {
        return sandbox.whatsAppMessages().stream()
                .filter(message -> phone.equals(message.path("chatId").asText()))
                .toList();
    }

    static ConditionFactory patiently(String what) {
        return await(what)
                .atMost(PATIENCE)
                .pollDelay(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions();
    }

    record Lead(long id, String client, String phone) {}

    record Booked(Lead lead, Instant time, String expert) {
        long id() {
            return lead.id();
        }
    }
}
