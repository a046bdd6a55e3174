package io.slotbridge.calendarconnector.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.calendarconnector.channel.WatchChannelRepository;
import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.command.CommandAnswers;
import io.slotbridge.calendarconnector.command.CommandExecutor;
import io.slotbridge.calendarconnector.command.CommandLedger;
import io.slotbridge.calendarconnector.command.CommandListener;
import io.slotbridge.calendarconnector.connect.OAuthStateRepository;
import io.slotbridge.calendarconnector.google.ApiCallStats;
import io.slotbridge.calendarconnector.google.CalendarServices;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient;
import io.slotbridge.calendarconnector.google.GoogleCallPolicy;
import io.slotbridge.calendarconnector.google.GoogleCredentialsFactory;
import io.slotbridge.calendarconnector.google.GoogleGrantRepository;
import io.slotbridge.calendarconnector.ops.OpsReporter;
import io.slotbridge.calendarconnector.ops.TenantStatus;
import io.slotbridge.calendarconnector.slot.CalendarLocks;
import io.slotbridge.calendarconnector.sync.CalendarSync;
import io.slotbridge.calendarconnector.sync.LeadLinks;
import io.slotbridge.calendarconnector.sync.NotificationListener;
import io.slotbridge.calendarconnector.sync.SlotSnapshotPublisher;
import io.slotbridge.calendarconnector.sync.SlotStateRepository;
import io.slotbridge.calendarconnector.sync.SyncStateRepository;
import io.slotbridge.calendarconnector.web.AdminAuthInterceptor;
import io.slotbridge.platform.admin.AdminAccess;
import io.slotbridge.platform.crypto.SecretBox;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.time.Clock;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the connector's plain classes; they stay free of Spring annotations so they read (and test) as plain Java. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CalendarConnectorConfiguration {

    @Bean
    ToDoubleFunction<String> requestsPerSecond(TenantDirectory tenants, CalendarConnectorProperties properties) {
        return tenant -> tenants.find(tenant)
                .map(TenantSettings::calendar)
                .map(TenantSettings.Calendar::requestsPerSecond)
                .filter(rps -> rps > 0)
                .orElse(properties.defaultRequestsPerSecond());
    }

    @Bean
    ApiCallStats apiCallStats(MeterRegistry meters, Clock clock) {
        return new ApiCallStats(meters, clock);
    }

    @Bean
    GoogleGrantRepository googleGrantRepository(JdbcTemplate jdbc, ObjectProvider<SecretBox> secretBox) {
        return new GoogleGrantRepository(jdbc, secretBox);
    }

    @Bean
    CalendarServices calendarServices(
            TenantDirectory tenants, GoogleGrantRepository grants, CalendarConnectorProperties properties) {
        return new CalendarServices(tenants, new GoogleCredentialsFactory(grants), properties.http());
    }

    @Bean
    GoogleCalendarClient googleCalendarClient(
            CalendarServices services,
            TenantDirectory tenants,
            CalendarConnectorProperties properties,
            ToDoubleFunction<String> requestsPerSecond,
            ApiCallStats stats) {
        GoogleCallPolicy policy = new GoogleCallPolicy(
                properties.retry(), properties.commands().maxBatchSize(), requestsPerSecond, stats);
        return new GoogleCalendarClient(services, policy, tenants);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    CalendarLocks calendarLocks() {
        return new CalendarLocks();
    }

    @Bean
    SlotStateRepository slotStateRepository(NamedParameterJdbcTemplate jdbc, Clock clock) {
        return new SlotStateRepository(jdbc, clock);
    }

    @Bean
    SyncStateRepository syncStateRepository(JdbcTemplate jdbc) {
        return new SyncStateRepository(jdbc);
    }

    @Bean
    SlotSnapshotPublisher slotSnapshotPublisher(
            SlotStateRepository slotStates,
            TenantDirectory tenants,
            EnvelopePublisher publisher,
            Clock clock,
            MeterRegistry meters) {
        return new SlotSnapshotPublisher(slotStates, new LeadLinks(tenants), publisher, clock, meters);
    }

    @Bean
    CalendarSync calendarSync(
            TenantDirectory tenants,
            GoogleCalendarClient google,
            SyncStateRepository syncStates,
            SlotSnapshotPublisher snapshots,
            CalendarLocks locks,
            CalendarConnectorProperties properties,
            Clock clock,
            WatchChannels channels) {
        return new CalendarSync(
                tenants, google, syncStates, snapshots, locks, properties.sync(), clock, channels::retire);
    }

    @Bean
    WatchChannels watchChannels(
            TenantDirectory tenants,
            GoogleCalendarClient google,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            CalendarLocks locks,
            CalendarConnectorProperties properties,
            Clock clock) {
        return new WatchChannels(
                tenants, google, new WatchChannelRepository(jdbc, transactions), locks, properties.watch(), clock);
    }

    @Bean
    NotificationListener notificationListener(WatchChannels channels, CalendarSync sync, TenantDirectory tenants) {
        return new NotificationListener(channels, sync, tenants);
    }

    @Bean
    CommandExecutor commandExecutor(
            TenantDirectory tenants,
            GoogleCalendarClient google,
            SlotStateRepository slotStates,
            JdbcTemplate jdbc,
            SlotSnapshotPublisher snapshots,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            CalendarLocks locks,
            Clock clock,
            MeterRegistry meters) {
        CommandAnswers answers = new CommandAnswers(new CommandLedger(jdbc), outbox, transactions, meters, clock);
        return new CommandExecutor(tenants, google, slotStates, snapshots, answers, locks, clock);
    }

    @Bean
    CommandListener commandListener(CommandExecutor executor, TenantDirectory tenants) {
        return new CommandListener(executor, tenants);
    }

    @Bean
    OAuthStateRepository oauthStateRepository(JdbcTemplate jdbc, ObjectProvider<SecretBox> secretBox) {
        return new OAuthStateRepository(jdbc, secretBox);
    }

    @Bean
    TenantStatus tenantStatus(
            TenantDirectory tenants,
            WatchChannels channels,
            SyncStateRepository syncStates,
            ApiCallStats stats,
            CalendarServices services,
            Clock clock) {
        return new TenantStatus(tenants, channels, syncStates, stats, services, clock);
    }

    @Bean
    TenantValidation tenantValidation(TenantDirectory tenants, GoogleGrantRepository grants) {
        return new TenantValidation(tenants, grants);
    }

    @Bean
    TenantCheckAtStartup tenantCheckAtStartup(TenantDirectory tenants, TenantValidation validation) {
        return new TenantCheckAtStartup(tenants, validation);
    }

    @Bean
    OpsReporter opsReporter(
            TenantDirectory tenants,
            TenantStatus status,
            EnvelopePublisher publisher,
            ToDoubleFunction<String> requestsPerSecond,
            Clock clock) {
        return new OpsReporter(
                tenants, status, publisher, requestsPerSecond, "calendar-connector-" + UUID.randomUUID(), clock);
    }

    /** Runs the periodic jobs; a bean, so its threads stop with the context. */
    @Bean
    ThreadPoolTaskScheduler calendarJobsScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(3);
        scheduler.setThreadNamePrefix("calendar-jobs-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }

    @Bean
    PeriodicJobs periodicJobs(
            ThreadPoolTaskScheduler calendarJobsScheduler,
            CalendarConnectorProperties properties,
            TenantDirectory tenants,
            WatchChannels channels,
            CalendarSync sync,
            OpsReporter reporter) {
        return new PeriodicJobs(calendarJobsScheduler, properties, tenants, channels, sync, reporter);
    }

    @Bean
    WebMvcConfigurer adminApiSecurity(ObjectProvider<AdminAccess> adminAccess, ObjectMapper json) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AdminAuthInterceptor(adminAccess, json))
                        .addPathPatterns("/admin/**");
            }
        };
    }
}
