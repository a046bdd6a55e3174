package io.slotbridge.sync.domain;

import java.time.Duration;
import java.time.Instant;

/** What people read: slot titles and descriptions (ОП-14), reason lines on slots, notes on leads. */
final class Wording {

    private Wording() {}

    /** {@code Встреча с {client} (категория {A|B|C}), {HH:mm} мск, ({expert})}; absent parts are left out. */
    static String title(TenantPolicy policy, LeadView lead, Instant start, String expert) {
        StringBuilder title =
                new StringBuilder("Встреча с ").append(lead.clientName() == null ? "клиентом" : lead.clientName());
        if (lead.category() != null) {
            title.append(" (категория ").append(lead.category()).append(')');
        }
        title.append(", ")
                .append(MeetingTimes.clock(start, policy.zone()))
                .append(' ')
                .append(policy.zoneLabel());
        if (expert != null) {
            title.append(", (").append(expert).append(')');
        }
        return title.toString();
    }

    /** The CRM card link and the client's goal, for the expert to prepare. */
    static String description(LeadView lead) {
        StringBuilder text = new StringBuilder();
        if (lead.cardUrl() != null) {
            text.append("Карточка: ").append(lead.cardUrl());
        }
        if (lead.clientGoal() != null) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("Цель: ").append(lead.clientGoal());
        }
        return text.toString();
    }

    static String when(TenantPolicy policy, Instant time) {
        return MeetingTimes.dateTime(time, policy.zone()) + " " + policy.zoneLabel();
    }

    // ---- reason lines appended to the slot description -----------------------------------------------------------

    static String rescheduledTo(TenantPolicy policy, Instant newStart) {
        return "Перенесена на " + when(policy, newStart) + " (новое время указано в CRM)";
    }

    static String cancelledInCrm(String lossReason) {
        return "Отменена: " + (lossReason == null ? "сделка закрыта в CRM" : lossReason);
    }

    static String leadDeleted() {
        return "Отменена: сделка удалена в CRM";
    }

    static String heldInCrm(TenantPolicy policy) {
        return "Проведена (этап «" + policy.stages().meetingHeld() + "» в CRM)";
    }

    static String noContactInCrm(TenantPolicy policy) {
        return "Клиент не вышел на связь (этап «" + policy.stages().noContact() + "» в CRM)";
    }

    static String revived(TenantPolicy policy) {
        return "Снова в силе: сделка вернулась на этап «" + policy.stages().meetingScheduled() + "»";
    }

    static String oldMeetingStays(TenantPolicy policy) {
        return "Это прошлая встреча: у сделки уже есть более поздняя, поэтому цвет возвращён";
    }

    static String restored() {
        return "Слот удалили в календаре; Slotbridge восстановил его: встречи не удаляем, они нужны для статистики";
    }

    // ---- notes on the lead ---------------------------------------------------------------------------------------

    static String confirmedNote(TenantPolicy policy, Meeting meeting) {
        return "Клиент подтвердил встречу " + when(policy, meeting.start()) + " (слот в календаре окрашен в жёлтый).";
    }

    static String rescheduledNote(TenantPolicy policy, Meeting meeting) {
        return "Встречу " + when(policy, meeting.start())
                + " перенесли (слот окрашен в фиолетовый). Укажите новое время" + " в поле «"
                + policy.fields().meetingTime() + "» — Slotbridge поставит новый слот.";
    }

    static String cancelledNote(TenantPolicy policy, Meeting meeting) {
        return "Встречу " + when(policy, meeting.start()) + " отменили (слот в календаре окрашен в красный).";
    }

    static String slotDeletedNote(TenantPolicy policy, Meeting meeting, boolean cancelled) {
        return "Слот встречи " + when(policy, meeting.start()) + " удалили в календаре. Slotbridge восстановил его"
                + (cancelled ? " и окрасил в красный: встреча считается отменённой." : ".")
                + " Отменённые встречи не удаляем — окрашиваем.";
    }

    static String responseNote(TenantPolicy policy, Meeting meeting, String who, String response) {
        String verb =
                switch (response) {
                    case "accepted" -> "принял(а) приглашение на встречу ";
                    case "declined" -> "отклонил(а) приглашение на встречу ";
                    case "tentative" -> "ответил(а) «может быть» на приглашение на встречу ";
                    default -> "ответил(а) «" + response + "» на приглашение на встречу ";
                };
        return "Эксперт " + who + " " + verb + when(policy, meeting.start()) + ".";
    }

    static String slaNote(Duration took, Duration limit) {
        return "Встреча назначена через " + human(took) + " после первого контакта — позже нормы " + human(limit)
                + " (ОП-14).";
    }

    static String human(Duration duration) {
        long hours = duration.toHours();
        if (hours >= 24) {
            long days = hours / 24;
            long rest = hours % 24;
            return days + " дн." + (rest == 0 ? "" : " " + rest + " ч");
        }
        return hours + " ч " + duration.toMinutesPart() + " мин";
    }
}
