package io.slotbridge.crmconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.crmconnector.domain.CrmLead.RawValue;
import io.slotbridge.crmconnector.domain.CrmMetadata.CustomField;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCodecTest {

    final FieldCodec codec = new FieldCodec(ZoneId.of("Europe/Moscow"));
    final CustomField meeting = new CustomField("9001", "Дата и время встречи", FieldType.DATE_TIME, Map.of());
    final CustomField expert = new CustomField("9002", "Эксперт", FieldType.SELECT, options("1", "Паша", "2", "Маша"));
    final CustomField channels =
            new CustomField("9005", "Каналы", FieldType.MULTISELECT, options("7", "WhatsApp", "8", "Звонок"));

    @Test
    void amocrm_timestamps_become_iso_date_times_in_the_tenant_zone() {
        assertThat(codec.normalise(meeting, List.of(new RawValue("1795514400", null))))
                .isEqualTo("2026-11-24T13:00:00+03:00");
    }

    @Test
    void options_are_named_by_label_and_several_are_joined() {
        assertThat(codec.normalise(expert, List.of(new RawValue("Паша", "1")))).isEqualTo("Паша");
        assertThat(codec.normalise(channels, List.of(new RawValue(null, "8"), new RawValue(null, "7"))))
                .isEqualTo("Звонок; WhatsApp");
    }

    @Test
    void command_values_parse_back_and_read_the_same_way_a_snapshot_shows_them() {
        FieldWrite write = codec.parse(meeting, "2026-11-24T10:00:00Z");
        assertThat(write).isInstanceOfSatisfying(FieldWrite.DateTime.class, dt -> assertThat(
                        dt.at().toEpochSecond())
                .isEqualTo(1795514400L));
        assertThat(codec.canonical(meeting, write)).isEqualTo("2026-11-24T13:00:00+03:00");
        assertThat(codec.parse(channels, "WhatsApp; Звонок"))
                .isEqualTo(new FieldWrite.Options("9005", List.of("7", "8")));
        assertThat(codec.parse(expert, "")).isEqualTo(new FieldWrite.Clear("9002"));
    }

    @Test
    void an_unknown_option_is_refused_naming_the_field_and_its_options() {
        assertThatThrownBy(() -> codec.parse(expert, "Оля"))
                .isInstanceOfSatisfying(InvalidFieldValueException.class, e -> assertThat(e.unknownOption())
                        .isTrue())
                .hasMessageContaining("'Эксперт'")
                .hasMessageContaining("Паша, Маша");
        assertThatThrownBy(() -> codec.parse(meeting, "завтра в три"))
                .isInstanceOfSatisfying(InvalidFieldValueException.class, e -> assertThat(e.unknownOption())
                        .isFalse());
    }

    private static Map<String, String> options(String... idLabel) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < idLabel.length; i += 2) {
            map.put(idLabel[i], idLabel[i + 1]);
        }
        return map;
    }
}
