package io.slotbridge.crmconnector.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.crmconnector.app.CommandExecutor;
import io.slotbridge.crmconnector.app.DeferredQueue;
import io.slotbridge.crmconnector.app.HintHandler;
import io.slotbridge.crmconnector.store.DeferredStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two queues of work that waits for the CRM: commands to write and hints to re-read. */
@Configuration(proxyBeanMethods = false)
public class DeferredWorkConfig {

    @Bean
    public DeferredQueue<CrmCommand> deferredCommands(
            JdbcTemplate jdbc,
            CommandExecutor executor,
            CrmConnectorProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new DeferredQueue<>(
                new DeferredStore<>(jdbc, "command", CrmCommand.class, CrmCommand::leadId),
                executor::execute,
                properties.deferred(),
                clock,
                meters);
    }

    @Bean
    public DeferredQueue<LeadChangeNoticed> deferredHints(
            JdbcTemplate jdbc,
            HintHandler hints,
            CrmConnectorProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new DeferredQueue<>(
                new DeferredStore<>(jdbc, "hint", LeadChangeNoticed.class, LeadChangeNoticed::leadId),
                hints::handleOrDefer,
                properties.deferred(),
                clock,
                meters);
    }
}
