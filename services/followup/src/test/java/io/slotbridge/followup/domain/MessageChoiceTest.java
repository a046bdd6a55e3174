package io.slotbridge.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageChoiceTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration WINDOW = Duration.ofHours(24).minusMinutes(10);
    static final TemplateSpec IGNORE =
            new TemplateSpec("Игнор", "0b6c2d1e-2", "{client}, мы на связи!", List.of("{client}"));

    @Test
    void a_silent_client_gets_the_approved_template_with_its_values_filled() {
        MessageChoice choice = MessageChoice.choose(IGNORE, null, NOW, WINDOW, Map.of("client", "Семён"));

        assertThat(choice).isEqualTo(new MessageChoice.Template("0b6c2d1e-2", List.of("Семён")));
    }

    @Test
    void a_client_who_wrote_within_the_window_gets_free_text() {
        MessageChoice choice =
                MessageChoice.choose(IGNORE, NOW.minus(Duration.ofHours(3)), NOW, WINDOW, Map.of("client", "Семён"));

        assertThat(choice).isEqualTo(new MessageChoice.FreeText("Семён, мы на связи!"));
    }

    @Test
    void just_inside_24_hours_is_already_outside_the_safety_margin() {
        MessageChoice choice =
                MessageChoice.choose(IGNORE, NOW.minus(Duration.ofHours(23).plusMinutes(55)), NOW, WINDOW);

        assertThat(choice).isInstanceOf(MessageChoice.Template.class);
    }

    @Test
    void the_unfilled_placeholder_cannot_be_sent() {
        MessageChoice choice =
                MessageChoice.choose(new TemplateSpec("Первое сообщение", "", "", null), null, NOW, WINDOW);

        assertThat(choice).isInstanceOf(MessageChoice.Unusable.class);
        assertThat(((MessageChoice.Unusable) choice).reason()).contains("placeholder");
    }

    @Test
    void free_text_only_is_refused_for_a_silent_client() {
        MessageChoice choice =
                MessageChoice.choose(new TemplateSpec("Текст", "", "Здравствуйте", null), null, NOW, WINDOW);

        assertThat(choice).isInstanceOf(MessageChoice.Unusable.class);
    }
}
