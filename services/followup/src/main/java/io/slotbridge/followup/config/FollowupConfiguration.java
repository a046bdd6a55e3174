package io.slotbridge.followup.config;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.followup.client.WazzupClient;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FollowupProperties.class, TenantsProperties.class})
public class FollowupConfiguration {

    /** Parsed and checked at startup: a broken sequence file stops the service with its line and reason. */
    @Bean
    FollowupTenants followupTenants(
            TenantsProperties properties, ConfigurableEnvironment environment, ResourceLoader resources) {
        return FollowupTenants.load(properties, environment, resources);
    }

    @Bean
    WazzupClient wazzupClient(FollowupProperties properties, MeterRegistry meters) {
        FollowupProperties.Wazzup wazzup = properties.wazzup();
        RateLimiterConfig limit = RateLimiterConfig.custom()
                .limitForPeriod(wazzup.requestsPerPeriod())
                .limitRefreshPeriod(wazzup.period())
                .timeoutDuration(Duration.ofSeconds(10))
                .build();
        return new WazzupClient(wazzup.connectTimeout(), wazzup.requestTimeout(), limit, ContractJson.mapper(), meters);
    }
}
