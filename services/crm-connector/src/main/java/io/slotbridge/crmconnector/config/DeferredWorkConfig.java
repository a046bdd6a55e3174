package io.slotbridge.crmconnector.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.crmconnector.app.CommandExecutor;
import io.slotbridge.crmconnector.app.DeadLetters;
import io.slotbridge.crmconnector.app.DeferredQueue;
import io.slotbridge.crmconnector.app.HintHandler;
import io.slotbridge.crmconnector.store.DeferredStore;
import io.slotbridge.platform.kafka.DeadLetterSender;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two queues of work that waits for the CRM: commands to write and hints to re-read. */
@Configuration(proxyBeanMethods = false)
public class DeferredWorkConfig {

    /** Raw, with the reason, through the platform's dead-letter producer (the one the listeners' recoverer uses). */
    @Bean
    public DeadLetters deferredDeadLetters(DeadLetterSender sender) {
        return sender::sendRaw;
    }

    @Bean
    public DeferredQueue<CrmCommand> deferredCommands(
            JdbcTemplate jdbc,
            CommandExecutor executor,
            DeadLetters deadLetters,
            CrmConnectorProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new DeferredQueue<>(
                new DeferredStore<>(jdbc, "command", Topics.CRM_COMMANDS, CrmCommand.class, CrmCommand::leadId),
                executor::execute,
                deadLetters,
                properties.deferred(),
                clock,
                meters);
    }

    @Bean
    public DeferredQueue<LeadChangeNoticed> deferredHints(
            JdbcTemplate jdbc,
            HintHandler hints,
            DeadLetters deadLetters,
            CrmConnectorProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new DeferredQueue<>(
                new DeferredStore<>(
                        jdbc, "hint", Topics.CRM_LEAD_HINTS, LeadChangeNoticed.class, LeadChangeNoticed::leadId),
                hints::handleOrDefer,
                deadLetters,
                properties.deferred(),
                clock,
                meters);
    }
}
