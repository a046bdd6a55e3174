package io.slotbridge.followup.app;

import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.Trigger;
import io.slotbridge.followup.store.LeadState;
import io.slotbridge.followup.store.LeadStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scenario A's trigger: leads that have sat in the tenant's qualified stage for {@code followup.qualified-idle} with
 * no meeting booked. One run per stay in the stage: the trigger id is the moment the lead entered it.
 */
@Component
public class QualifiedIdleSweeper {

    private static final int BATCH = 100;

    private final FollowupTenants tenants;
    private final LeadStore leads;
    private final RunStarter starter;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public QualifiedIdleSweeper(
            FollowupTenants tenants,
            LeadStore leads,
            RunStarter starter,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.leads = leads;
        this.starter = starter;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @return how many runs were started */
    public int sweep() {
        int started = 0;
        for (FollowupTenant tenant : tenants.all()) {
            if (tenant.qualifiedStage() == null
                    || tenant.sequenceFor(Trigger.QUALIFIED_IDLE).isEmpty()) {
                continue;
            }
            Instant now = clock.instant();
            List<LeadState> idle =
                    leads.idleIn(tenant.id(), tenant.qualifiedStage(), now.minus(tenant.qualifiedIdle()), BATCH);
            for (LeadState lead : idle) {
                String triggerId = Trigger.QUALIFIED_IDLE.keyword() + "|"
                        + lead.stageSince().toEpochMilli();
                Boolean ok = transaction.execute(s -> starter.start(
                                tenant, lead.leadId(), Trigger.QUALIFIED_IDLE, triggerId, triggerId, clock.instant())
                        .isPresent());
                started += Boolean.TRUE.equals(ok) ? 1 : 0;
            }
        }
        return started;
    }
}
