package io.slotbridge.sync.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The demo tenant of deploy/tenants/demo.yml as a policy, and a few names and times the tests share. */
final class Demo {

    static final String TENANT = "demo";
    static final String CALENDAR = "kev-demo@group.calendar.google.com";
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static final String QUALIFIED = "Квалифицирован";
    static final String SCHEDULED = "5. Встреча назначена";
    static final String HELD = "6. Встреча проведена";
    static final String NO_CONTACT = "Не дозвонились";
    static final String LOST = "Отказ. Сделка закрыта";

    static final String MEETING_TIME = "Дата и время встречи";
    static final String EXPERT = "Сотрудник, который будет проводить встречу";
    static final String CATEGORY = "Категория";
    static final String GOAL = "Цель клиента";

    static final String CANCELLED_REASON = "Встреча отменена";

    static final String PASHA = "Паша";
    static final String MASHA = "Маша";
    static final String OLGA = "Ольга";

    static final String BANANA = "5";
    static final String BASIL = "10";
    static final String TOMATO = "11";
    static final String GRAPE = "3";
    static final String GRAPHITE = "8";

    /** Monday 23 November 2026, 12:15 Moscow time: when the lead first contacted us. */
    static final Instant FIRST_CONTACT = Instant.parse("2026-11-23T09:15:00Z");

    /** Meeting times used across tests (Moscow): 24 Nov 13:00, 14:00, 25 Nov 11:00. */
    static final Instant AT_13 = Instant.parse("2026-11-24T10:00:00Z");

    static final Instant AT_14 = Instant.parse("2026-11-24T11:00:00Z");
    static final Instant NEXT_DAY_11 = Instant.parse("2026-11-25T08:00:00Z");

    private Demo() {}

    static TenantPolicy policy() {
        return policy(TenantPolicy.GuestPolicy.CURATOR, TenantPolicy.TomatoPolicy.CLOSE_LOST);
    }

    static TenantPolicy policy(TenantPolicy.GuestPolicy guests, TenantPolicy.TomatoPolicy tomato) {
        return new TenantPolicy(
                TENANT,
                MOSCOW,
                "Воронка",
                new TenantPolicy.Stages(SCHEDULED, HELD, NO_CONTACT, LOST),
                new TenantPolicy.Fields(MEETING_TIME, EXPERT, CATEGORY, GOAL),
                new TenantPolicy.LossReasons(CANCELLED_REASON, "Нет контакта"),
                List.of(
                        new TenantPolicy.Person(PASHA, "pasha@demo.example", "expert"),
                        new TenantPolicy.Person(MASHA, "masha@demo.example", "expert"),
                        new TenantPolicy.Person(OLGA, "olga@demo.example", "curator"),
                        new TenantPolicy.Person("Иван", "ivan@demo.example", "call-centre")),
                new TenantPolicy.CalendarSettings(
                        CALENDAR,
                        Map.of(
                                MeetingStatus.SCHEDULED, "",
                                MeetingStatus.CONFIRMED, BANANA,
                                MeetingStatus.HELD, BASIL,
                                MeetingStatus.CANCELLED, TOMATO,
                                MeetingStatus.RESCHEDULED, GRAPE,
                                MeetingStatus.NO_CONTACT, GRAPHITE),
                        15,
                        Duration.ofHours(1)),
                new TenantPolicy.Rules(guests, tomato, Duration.ofDays(2)),
                "https://demo.amocrm.ru/leads/detail/{leadId}");
    }

    static String email(String person) {
        return policy().emailOf(person);
    }
}
