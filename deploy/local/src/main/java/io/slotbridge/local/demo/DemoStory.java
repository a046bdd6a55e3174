package io.slotbridge.local.demo;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/** One lead's way through the demo: a plan of steps, taken one per tick, waiting where Slotbridge has to act first. */
final class DemoStory {

    /** What a person does next. */
    enum Step {
        CREATE,
        QUALIFY,
        BOOK,
        CONFIRM_IN_CALENDAR,
        HOLD_IN_CALENDAR,
        CANCEL_IN_CALENDAR,
        CLOSE_LOST_IN_CRM,
        CHANGE_TIME_IN_CRM,
        DRAG_SLOT,
        NO_SHOW_IN_CALENDAR,
        CLIENT_REPLIES,
        DELETE_SLOT
    }

    /** The outcomes of ОП-14 and ОП-2, told in turn. */
    enum Plan {
        CONFIRMED_AND_HELD(Step.CREATE, Step.QUALIFY, Step.BOOK, Step.CONFIRM_IN_CALENDAR, Step.HOLD_IN_CALENDAR),
        RESCHEDULED(Step.CREATE, Step.QUALIFY, Step.BOOK, Step.CHANGE_TIME_IN_CRM, Step.CONFIRM_IN_CALENDAR),
        CANCELLED_BY_COLOUR(Step.CREATE, Step.QUALIFY, Step.BOOK, Step.CANCEL_IN_CALENDAR),
        NO_SHOW_THEN_REPLY(Step.CREATE, Step.QUALIFY, Step.BOOK, Step.NO_SHOW_IN_CALENDAR, Step.CLIENT_REPLIES),
        CLOSED_LOST(Step.CREATE, Step.QUALIFY, Step.BOOK, Step.CLOSE_LOST_IN_CRM),
        MOVED_IN_CALENDAR(Step.CREATE, Step.QUALIFY, Step.BOOK, Step.DRAG_SLOT),
        SLOT_DELETED(Step.CREATE, Step.QUALIFY, Step.BOOK, Step.DELETE_SLOT),
        SILENT(Step.CREATE, Step.QUALIFY);

        private final List<Step> steps;

        Plan(Step... steps) {
            this.steps = List.of(steps);
        }
    }

    private static final List<String> CLIENTS = List.of(
            "Ирина Смирнова",
            "Алексей Кузнецов",
            "Мария Попова",
            "Дмитрий Васильев",
            "Елена Соколова",
            "Сергей Михайлов",
            "Анна Новикова",
            "Павел Фёдоров",
            "Ольга Морозова",
            "Никита Волков");
    private static final List<String> EXPERTS = List.of("Паша", "Маша", "Михаил Николаевич");
    private static final List<String> GOALS = List.of(
            "Хочет сменить профессию и понять, с чего начать",
            "Ищет курс для команды из пяти человек",
            "Сомневается между двумя программами",
            "Нужна консультация по рассрочке");

    final Plan plan;
    final String client;
    final String phone;
    final String expert;
    final String category;
    final String goal;
    /** Who owns the lead: the curator books (the expert is invited), or the expert books for themselves. */
    final String responsible;

    long leadId;
    Instant meetingTime;
    private int next;

    private DemoStory(
            Plan plan, String client, String phone, String expert, String category, String goal, String responsible) {
        this.plan = plan;
        this.client = client;
        this.phone = phone;
        this.expert = expert;
        this.category = category;
        this.goal = goal;
        this.responsible = responsible;
    }

    static DemoStory next(int number, Random random) {
        Plan plan = Plan.values()[number % Plan.values().length];
        String expert = EXPERTS.get(random.nextInt(EXPERTS.size()));
        return new DemoStory(
                plan,
                CLIENTS.get(number % CLIENTS.size()),
                "7916" + String.format("%07d", 1_000_000 + number * 7919 % 9_000_000),
                expert,
                List.of("A", "B", "C").get(random.nextInt(3)),
                GOALS.get(random.nextInt(GOALS.size())),
                random.nextInt(3) == 0 ? expert : "Ольга");
    }

    /** Takes the next step unless it has to wait (e.g. for the slot Slotbridge is about to create). */
    void advance(DemoActions actions) {
        if (finished()) {
            return;
        }
        if (actions.take(plan.steps.get(next), this)) {
            next++;
        }
    }

    boolean finished() {
        return next >= plan.steps.size();
    }
}
