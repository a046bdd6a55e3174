package io.slotbridge.calendarconnector.config;

import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.ops.OpsReporter;
import io.slotbridge.calendarconnector.sync.CalendarSync;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The connector's periodic work: channel checks (at startup, so channels survive restarts, then every
 * {@code watch.check-interval}), the anti-entropy sweep (the same incremental sync without a notification: a lost
 * notification delays a change, never loses it) and the ops report. A zero interval switches a job off.
 */
public class PeriodicJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJobs.class);
    private static final Duration SWEEP_FIRST_DELAY = Duration.ofSeconds(20);

    private final CalendarConnectorProperties properties;
    private final TenantDirectory tenants;
    private final WatchChannels channels;
    private final CalendarSync sync;
    private final OpsReporter reporter;
    private final TaskScheduler scheduler;

    public PeriodicJobs(
            TaskScheduler scheduler,
            CalendarConnectorProperties properties,
            TenantDirectory tenants,
            WatchChannels channels,
            CalendarSync sync,
            OpsReporter reporter) {
        this.properties = properties;
        this.tenants = tenants;
        this.channels = channels;
        this.sync = sync;
        this.reporter = reporter;
        this.scheduler = scheduler;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.setTaskScheduler(scheduler);
        CalendarConnectorProperties.Watch watch = properties.watch();
        if (watch.enabled() && !watch.checkInterval().isZero()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::checkChannels, watch.checkInterval(), Duration.ZERO));
        }
        Duration sweep = properties.sync().sweepInterval();
        if (!sweep.isZero()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, sweep, SWEEP_FIRST_DELAY));
        }
        if (!properties.reportInterval().isZero()) {
            registrar.addFixedDelayTask(
                    new FixedDelayTask(reporter::reportAll, properties.reportInterval(), properties.reportInterval()));
        }
    }

    void checkChannels() {
        for (String tenant : tenants.googleTenants()) {
            try {
                channels.ensure(tenant, false);
            } catch (RuntimeException e) {
                log.warn("watch channel of tenant {} could not be opened or renewed: {}", tenant, e.getMessage());
            }
        }
    }

    void sweep() {
        for (String tenant : tenants.googleTenants()) {
            try {
                sync.run(tenant, "sweep");
            } catch (RuntimeException e) {
                log.warn("anti-entropy sweep of tenant {} failed, next sweep retries: {}", tenant, e.getMessage());
            }
        }
    }
}
