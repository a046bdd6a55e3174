package io.slotbridge.sandbox.amocrm;

import io.slotbridge.sandbox.amocrm.AmoModel.CustomField;
import io.slotbridge.sandbox.amocrm.AmoModel.FieldEnum;
import io.slotbridge.sandbox.amocrm.AmoModel.LossReason;
import io.slotbridge.sandbox.amocrm.AmoModel.Pipeline;
import io.slotbridge.sandbox.amocrm.AmoModel.Status;
import io.slotbridge.sandbox.amocrm.AmoModel.User;
import java.util.List;

/** The demo amoCRM account's settings (DESIGN §8): pipeline, statuses, fields, loss reasons, users. */
public final class AmoSeed {

    public static final long PIPELINE = 8_000_001;
    public static final long FIELD_MEETING_TIME = 970_001;
    public static final long FIELD_EXPERT = 970_002;
    public static final long FIELD_CATEGORY = 970_003;
    public static final long FIELD_CLIENT_GOAL = 970_004;

    private AmoSeed() {}

    public static void demoAccount(AmoAccount account) {
        synchronized (account) {
            account.users.addAll(List.of(
                    new User(11_000_001, "Администратор", "admin@demo.example", true),
                    new User(11_000_002, "Паша", "pasha@demo.example", false),
                    new User(11_000_003, "Маша", "masha@demo.example", false),
                    new User(11_000_004, "Михаил Николаевич", "mikhail@demo.example", false),
                    new User(11_000_005, "Ольга", "olga@demo.example", false),
                    new User(11_000_006, "Иван", "ivan@demo.example", false)));
            account.pipelines.add(new Pipeline(
                    PIPELINE,
                    "Воронка",
                    1,
                    true,
                    List.of(
                            new Status(67_000_000, "Неразобранное", 10, false, "#c1c1c1", 1),
                            new Status(67_000_001, "Первичный контакт", 20, true, "#99ccff", 0),
                            new Status(67_000_002, "Квалифицирован", 30, true, "#ffff99", 0),
                            new Status(67_000_003, "5. Встреча назначена", 40, true, "#ffcc66", 0),
                            new Status(67_000_004, "6. Встреча проведена", 50, true, "#ccff66", 0),
                            new Status(67_000_005, "Не дозвонились", 60, true, "#ff8f92", 0),
                            new Status(AmoAccount.WON, "Успешно реализовано", 10_000, false, "#CCFF66", 0),
                            new Status(AmoAccount.LOST, "Отказ. Сделка закрыта", 11_000, false, "#D5D8DB", 0))));
            account.customFields.addAll(List.of(
                    new CustomField(
                            FIELD_MEETING_TIME, "Дата и время встречи", "date_time", null, 510, "leads", List.of()),
                    new CustomField(
                            FIELD_EXPERT,
                            "Сотрудник, который будет проводить встречу",
                            "select",
                            null,
                            520,
                            "leads",
                            List.of(
                                    new FieldEnum(971_001, "Паша", 1),
                                    new FieldEnum(971_002, "Маша", 2),
                                    new FieldEnum(971_003, "Михаил Николаевич", 3))),
                    new CustomField(
                            FIELD_CATEGORY,
                            "Категория",
                            "select",
                            null,
                            530,
                            "leads",
                            List.of(
                                    new FieldEnum(971_011, "A", 1),
                                    new FieldEnum(971_012, "B", 2),
                                    new FieldEnum(971_013, "C", 3))),
                    new CustomField(FIELD_CLIENT_GOAL, "Цель клиента", "textarea", null, 540, "leads", List.of()),
                    new CustomField(
                            970_101,
                            "Телефон",
                            "multitext",
                            "PHONE",
                            4,
                            "contacts",
                            List.of(new FieldEnum(971_101, "WORK", 1), new FieldEnum(971_102, "MOB", 2))),
                    new CustomField(
                            970_102,
                            "Email",
                            "multitext",
                            "EMAIL",
                            6,
                            "contacts",
                            List.of(new FieldEnum(971_111, "WORK", 1), new FieldEnum(971_112, "PRIV", 2)))));
            account.lossReasons.addAll(List.of(
                    new LossReason(7_000_001, "Нет контакта", 1, 1_700_000_000L),
                    new LossReason(7_000_002, "Встреча отменена", 2, 1_700_000_000L)));
        }
    }
}
