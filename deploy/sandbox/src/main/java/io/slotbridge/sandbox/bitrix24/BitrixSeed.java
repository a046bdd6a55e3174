package io.slotbridge.sandbox.bitrix24;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo Bitrix24 portal (DESIGN §8): pipeline "Воронка" with the amoCRM demo's stage names, and deal user fields
 * labelled like the amoCRM fields (plus a loss-reason list, since Bitrix24 deals have no loss reason of their own).
 */
public final class BitrixSeed {

    public static final String FIELD_MEETING_TIME = "UF_CRM_1718000000001";
    public static final String FIELD_EXPERT = "UF_CRM_1718000000002";
    public static final String FIELD_CATEGORY = "UF_CRM_1718000000003";
    public static final String FIELD_CLIENT_GOAL = "UF_CRM_1718000000004";
    public static final String FIELD_LOSS_REASON = "UF_CRM_1718000000005";

    private BitrixSeed() {}

    /** A stable 32-hex member id per portal name, like Bitrix24's. */
    public static String memberId(String portal) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5").digest(("sandbox:" + portal).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void demoPortal(BitrixPortal portal) {
        synchronized (portal) {
            portal.categories.add(new BitrixPortal.Category(0, "Воронка", 100, true));
            portal.stages.addAll(List.of(
                    new BitrixPortal.Stage("NEW", "Первичный контакт", 10, "P", "#39A8EF", 0),
                    new BitrixPortal.Stage("PREPARATION", "Квалифицирован", 20, "P", "#2FC6F6", 0),
                    new BitrixPortal.Stage("PREPAYMENT_INVOICE", "5. Встреча назначена", 30, "P", "#55D0E0", 0),
                    new BitrixPortal.Stage("EXECUTING", "6. Встреча проведена", 40, "P", "#47E4C2", 0),
                    new BitrixPortal.Stage("FINAL_INVOICE", "Не дозвонились", 50, "P", "#FFA900", 0),
                    new BitrixPortal.Stage("WON", "Успешно реализовано", 60, "S", "#7BD500", 0),
                    new BitrixPortal.Stage("LOSE", "Отказ. Сделка закрыта", 70, "F", "#FF5752", 0)));
            portal.userFields.addAll(List.of(
                    new BitrixPortal.UserField(FIELD_MEETING_TIME, "datetime", "Дата и время встречи", Map.of()),
                    new BitrixPortal.UserField(
                            FIELD_EXPERT,
                            "enumeration",
                            "Сотрудник, который будет проводить встречу",
                            items("101", "Паша", "102", "Маша", "103", "Михаил Николаевич")),
                    new BitrixPortal.UserField(
                            FIELD_CATEGORY, "enumeration", "Категория", items("111", "A", "112", "B", "113", "C")),
                    new BitrixPortal.UserField(FIELD_CLIENT_GOAL, "string", "Цель клиента", Map.of()),
                    new BitrixPortal.UserField(
                            FIELD_LOSS_REASON,
                            "enumeration",
                            "Причина отказа",
                            items("121", "Нет контакта", "122", "Встреча отменена"))));
            portal.users.put(1L, new BitrixPortal.User("Администратор", "admin@demo.example"));
            portal.users.put(2L, new BitrixPortal.User("Паша", "pasha@demo.example"));
            portal.users.put(3L, new BitrixPortal.User("Маша", "masha@demo.example"));
            portal.users.put(4L, new BitrixPortal.User("Ольга", "olga@demo.example"));
        }
    }

    private static Map<String, String> items(String... idValue) {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 0; i < idValue.length; i += 2) {
            items.put(idValue[i], idValue[i + 1]);
        }
        return items;
    }
}
