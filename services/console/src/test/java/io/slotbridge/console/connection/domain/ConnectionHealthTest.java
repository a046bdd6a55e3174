package io.slotbridge.console.connection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionHealthTest {

    private static ConnectionHealth reporting(Map<String, String> details) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        return new ConnectionHealth(
                "demo", "amocrm", "crm-connector", "blocked", now, null, null, 7.0, 3L, 0L, 1L, null, details, now);
    }

    @Test
    void waiting_work_names_the_commands_and_hints_the_connector_holds_back() {
        assertThat(reporting(Map.of("waitingCommands", "3", "waitingHints", "1"))
                        .waitingWork())
                .isEqualTo("3 commands, 1 hint");
        assertThat(reporting(Map.of("waitingCommands", "1", "waitingHints", "0"))
                        .waitingWork())
                .isEqualTo("1 command");
        assertThat(reporting(Map.of("waitingCommands", "0", "waitingHints", "2"))
                        .waitingWork())
                .isEqualTo("2 hints");
    }

    @Test
    void nothing_waiting_or_nothing_said_or_garbage_shows_no_backlog() {
        assertThat(reporting(Map.of("waitingCommands", "0", "waitingHints", "0"))
                        .waitingWork())
                .isNull();
        assertThat(reporting(Map.of()).waitingWork()).isNull();
        assertThat(reporting(Map.of("waitingCommands", "many")).waitingWork()).isNull();
    }
}
