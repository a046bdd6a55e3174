package io.slotbridge.platform.admin;

import io.slotbridge.platform.time.PlatformClockAutoConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/** {@link AdminAccess} for services with an admin API; created on first use so others need no token. */
@AutoConfiguration(after = PlatformClockAutoConfiguration.class)
@EnableConfigurationProperties(AdminProperties.class)
public class PlatformAdminAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public AdminAccess adminAccess(AdminProperties properties, Clock clock) {
        return new AdminAccess(properties.token(), clock);
    }
}
