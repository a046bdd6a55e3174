package io.slotbridge.platform.time;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** One {@link Clock} bean per service; the local launcher registers a shared {@link AdjustableClock} instead. */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock() {
        return AdjustableClock.system();
    }
}
