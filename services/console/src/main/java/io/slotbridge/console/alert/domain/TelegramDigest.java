package io.slotbridge.console.alert.domain;

import io.slotbridge.console.common.domain.SecretMasker;
import java.util.List;

/**
 * One Telegram message (HTML parse mode) for all notices of an evaluation round, so a burst of alerts is one
 * message, not a storm. Telegram takes at most 4096 characters after entity parsing: the visible text is counted
 * and notices that do not fit are summarised as "… and N more".
 */
public final class TelegramDigest {

    public static final int MAX_VISIBLE = 4096;
    private static final int RESERVE = 40;
    private static final int MESSAGE_LIMIT = 1000;

    private TelegramDigest() {}

    public static String html(String installation, List<Notice> notices) {
        long firing =
                notices.stream().filter(n -> n.kind() != Notice.Kind.RESOLVED).count();
        long resolved = notices.size() - firing;
        String heading = "Slotbridge " + installation + ": " + firing + " alert" + (firing == 1 ? "" : "s")
                + (resolved > 0 ? ", " + resolved + " resolved" : "");
        StringBuilder html = new StringBuilder("<b>").append(escape(heading)).append("</b>");
        int visible = heading.length();
        int shown = 0;
        for (Notice notice : notices) {
            String marker =
                    switch (notice.kind()) {
                        case FIRING -> notice.severity() == AlertCandidate.Severity.CRITICAL ? "🔴 " : "🟠 ";
                        case REMINDER -> "⏰ still: ";
                        case RESOLVED -> "✅ resolved: ";
                    };
            String where = " · " + notice.tenant() + " · " + notice.subject();
            String message = shorten(SecretMasker.mask(notice.message()));
            int lineVisible = 2 + marker.length() + notice.rule().length() + where.length() + message.length();
            if (visible + lineVisible > MAX_VISIBLE - RESERVE) {
                break;
            }
            html.append("\n\n")
                    .append(escape(marker))
                    .append("<b>")
                    .append(escape(notice.rule()))
                    .append("</b>")
                    .append(escape(where))
                    .append('\n')
                    .append(escape(message));
            visible += lineVisible;
            shown++;
        }
        if (shown < notices.size()) {
            html.append("\n\n… and ").append(notices.size() - shown).append(" more in the console");
        }
        return html.toString();
    }

    private static String shorten(String message) {
        return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT) + "…";
    }

    /** The three characters Telegram's HTML mode requires escaped. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
