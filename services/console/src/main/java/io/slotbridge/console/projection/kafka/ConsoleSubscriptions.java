package io.slotbridge.console.projection.kafka;

import io.slotbridge.contracts.Topics;
import org.springframework.stereotype.Component;

/** The console reads every catalogue topic and every dead-letter topic. */
@Component("consoleSubscriptions")
public class ConsoleSubscriptions {

    public String[] topics() {
        return Topics.allNamesWithDlts().toArray(String[]::new);
    }
}
