package io.slotbridge.console.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramDigestTest {

    @Test
    void one_message_lists_firing_and_resolved_alerts_with_html_escaped() {
        List<Notice> notices = List.of(
                notice(1, Notice.Kind.FIRING, AlertCandidate.Severity.CRITICAL, "stage <5.> & more"),
                notice(2, Notice.Kind.RESOLVED, AlertCandidate.Severity.WARNING, "lag back to normal"));

        String html = TelegramDigest.html("production", notices);

        assertThat(html)
                .isEqualTo("<b>Slotbridge production: 1 alert, 1 resolved</b>\n\n"
                        + "🔴 <b>crm-blocked</b> · demo · amocrm\nstage &lt;5.&gt; &amp; more\n\n"
                        + "✅ resolved: <b>crm-blocked</b> · demo · amocrm\nlag back to normal");
    }

    @Test
    void a_storm_of_alerts_fits_into_one_message_of_at_most_4096_visible_characters() {
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            notices.add(
                    notice(i, Notice.Kind.FIRING, AlertCandidate.Severity.WARNING, "x".repeat(100) + " <" + i + ">"));
        }

        String html = TelegramDigest.html("production", notices);

        String visible = html.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        assertThat(visible.length()).isLessThanOrEqualTo(TelegramDigest.MAX_VISIBLE);
        assertThat(html).containsPattern("… and \\d+ more in the console$");
    }

    @Test
    void secrets_never_reach_telegram() {
        String html = TelegramDigest.html(
                "p",
                List.of(notice(1, Notice.Kind.FIRING, AlertCandidate.Severity.CRITICAL, "failed: Bearer abc.def")));

        assertThat(html).contains("Bearer ***").doesNotContain("abc.def");
    }

    private static Notice notice(long id, Notice.Kind kind, AlertCandidate.Severity severity, String message) {
        return new Notice(id, kind, "crm-blocked", "demo", "amocrm", severity, message);
    }
}
