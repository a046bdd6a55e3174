package io.slotbridge.sync.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.platform.outbox.InboxDeduplicator;
import io.slotbridge.platform.outbox.OutboxWriter;
import io.slotbridge.sync.app.LeadSync;
import io.slotbridge.sync.app.MeetingStates;
import io.slotbridge.sync.app.SyncMetrics;
import io.slotbridge.sync.domain.Decider;
import io.slotbridge.sync.jdbc.JdbcMeetingStates;
import io.slotbridge.sync.kafka.SyncInputListener;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the decider to PostgreSQL, the outbox and Kafka. */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SyncConfiguration.class);

    /** Fails startup with every problem of the tenants file listed (see {@link TenantConfigurationFailureAnalyzer}). */
    @Bean
    TenantPolicies tenantPolicies(TenantDirectory directory) {
        TenantPolicies policies = TenantPolicies.from(directory);
        if (policies.tenants().isEmpty()) {
            log.warn("no tenants configured (SLOTBRIDGE_TENANT_CONFIG): every input will go to its dead-letter topic");
        } else {
            log.info("deciding for tenants {}", policies.tenants());
        }
        return policies;
    }

    @Bean
    Decider decider() {
        return new Decider();
    }

    @Bean
    MeetingStates meetingStates(JdbcTemplate jdbc) {
        return new JdbcMeetingStates(jdbc);
    }

    @Bean
    SyncMetrics syncMetrics(MeterRegistry registry) {
        return new SyncMetrics(registry);
    }

    @Bean
    LeadSync leadSync(
            MeetingStates states,
            TenantPolicies policies,
            Decider decider,
            InboxDeduplicator inbox,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            Clock clock,
            SyncMetrics metrics) {
        return new LeadSync(states, policies, decider, inbox, outbox, transactions, clock, metrics);
    }

    @Bean
    SyncInputListener syncInputListener(LeadSync sync) {
        return new SyncInputListener(sync);
    }

    @Bean
    InboxJanitor inboxJanitor(InboxDeduplicator inbox, SyncProperties properties) {
        return new InboxJanitor(inbox, properties.inboxRetentionDays());
    }

    /** Forgets processed input ids after the retention period; the decider's version checks cover older replays. */
    static final class InboxJanitor {
        private final InboxDeduplicator inbox;
        private final int retentionDays;

        InboxJanitor(InboxDeduplicator inbox, int retentionDays) {
            this.inbox = inbox;
            this.retentionDays = retentionDays;
        }

        @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT6H")
        void prune() {
            int forgotten = inbox.forgetOlderThanDays(retentionDays);
            if (forgotten > 0) {
                log.info("inbox: forgot {} input ids older than {} days", forgotten, retentionDays);
            }
        }
    }
}
