package io.slotbridge.console.deadletter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void partition_and_offset_headers_are_binary_numbers() {
        assertThat(DeadLetterHeaders.number(ByteBuffer.allocate(4).putInt(5).array()))
                .isEqualTo(5L);
        assertThat(DeadLetterHeaders.number(
                        ByteBuffer.allocate(8).putLong(123_456_789_012L).array()))
                .isEqualTo(123_456_789_012L);
        assertThat(DeadLetterHeaders.number("42".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(42L);
        assertThat(DeadLetterHeaders.number(new byte[] {1, 2, 3})).isNull();
    }

    @Test
    void a_replay_drops_only_what_dead_lettering_added() {
        assertThat(DeadLetterHeaders.addedByDeadLettering("kafka_dlt-exception-message"))
                .isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("slotbridge_reason")).isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("slotbridge_failed_by"))
                .isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("ce_id")).isFalse();
        assertThat(DeadLetterHeaders.addedByDeadLettering("content-type")).isFalse();
    }

    @Test
    void previews_mask_secrets_and_refuse_to_print_binary() {
        assertThat(PayloadPreview.of("{\"access_token\":\"abc\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"access_token\":\"***\"}");
        assertThat(PayloadPreview.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0}))
                .isEqualTo("(binary payload, 3 bytes, not valid UTF-8)");
        assertThat(PayloadPreview.of(null)).isEqualTo("(no payload: tombstone)");
    }
}
