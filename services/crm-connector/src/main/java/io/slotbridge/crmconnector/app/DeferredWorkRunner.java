package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code deferred.tick}: does the deferred work that has become due, commands and hints alike. Only instances
 * whose listeners run do it (not a CLI run): the backlog is theirs.
 */
@Component
public class DeferredWorkRunner {

    private static final Logger log = LoggerFactory.getLogger(DeferredWorkRunner.class);

    private final List<DeferredQueue<?>> queues;
    private final boolean enabled;

    public DeferredWorkRunner(List<DeferredQueue<?>> queues, CrmConnectorProperties properties) {
        this.queues = queues;
        this.enabled = properties.listenersEnabled();
    }

    @Scheduled(
            fixedDelayString = "${slotbridge.crm-connector.deferred.tick:PT1S}",
            initialDelayString = "${slotbridge.crm-connector.deferred.tick:PT1S}")
    public void runDue() {
        if (!enabled) {
            return;
        }
        for (DeferredQueue<?> queue : queues) {
            try {
                queue.runDue();
            } catch (RuntimeException e) {
                log.warn("deferred work could not be read, trying again at the next tick: {}", e.toString());
            }
        }
    }
}
