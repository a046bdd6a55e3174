package io.slotbridge.followup.app;

import io.slotbridge.followup.config.FollowupProperties;
import io.slotbridge.followup.store.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable timer: every poll it asks the {@link Clock} bean what time it is and executes the runs whose
 * {@code next_due_at} has come (so an adjustable clock runs a week of follow-up in seconds). Due times live in
 * PostgreSQL; nothing is lost on restart. Claims with skip-locked let several replicas share the work.
 */
@Component
public class FollowupScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowupScheduler.class);
    private static final int BATCH = 20;

    private final RunStore runs;
    private final StepExecutor executor;
    private final QualifiedIdleSweeper sweeper;
    private final FollowupProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService timer;
    private volatile long lastSweep;

    public FollowupScheduler(
            RunStore runs,
            StepExecutor executor,
            QualifiedIdleSweeper sweeper,
            FollowupProperties properties,
            Clock clock) {
        this.runs = runs;
        this.executor = executor;
        this.sweeper = sweeper;
        this.properties = properties;
        this.clock = clock;
    }

    /** Executes every run due now; returns how many were claimed. Used by the timer and by tests. */
    public int runDueSteps() {
        Instant now = clock.instant();
        List<String> due = runs.claimDue(now, now.plus(properties.claimTtl()), BATCH);
        for (String runId : due) {
            try {
                executor.execute(runId);
            } catch (RuntimeException e) {
                // the claim expires and the step is tried again; nothing was committed for it
                log.error(
                        "follow-up run {} failed its due step, retried after {}: {}",
                        runId,
                        properties.claimTtl(),
                        e.toString(),
                        e);
            }
        }
        return due.size();
    }

    private void tick() {
        try {
            while (runDueSteps() == BATCH && timer != null) {
                // more due work than one batch: keep going
            }
            long nowMillis = System.nanoTime() / 1_000_000;
            if (nowMillis - lastSweep >= properties.sweepInterval().toMillis()) {
                lastSweep = nowMillis;
                sweeper.sweep();
            }
        } catch (RuntimeException e) {
            log.warn("follow-up scheduler tick failed, next tick retries: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        lastSweep = System.nanoTime() / 1_000_000 - properties.sweepInterval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "followup-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = timer;
        timer = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            // let a step in flight finish its commit; an interrupted send is recovered from the send log anyway
            if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        // stop before the outbox relay (MAX - 200) so the last step's records still get published
        return Integer.MAX_VALUE - 150;
    }
}
