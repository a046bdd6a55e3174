package io.slotbridge.sandbox;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock: the system's, unless the local launcher or a test supplies a shared adjustable one. */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock sandboxClock() {
        return Clock.systemUTC();
    }
}
