package io.slotbridge.gateway.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.web.reactive.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

/** How the gateway's HTTP handler is put together beyond Spring Boot's defaults. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    WebHttpHandlerBuilderCustomizer frozenCodecs(ServerCodecConfigurer configured) {
        return builder -> builder.codecConfigurer(new FrozenCodecs(configured));
    }

    /**
     * The webhook routes are asked first. Boot orders the actuator's mapping before them, so every webhook was
     * matched against each actuator endpoint's patterns before reaching its own route: 3 % of the event loops in
     * deploy/bench/ingest. Actuator paths match no webhook route and fall through to the actuator as before.
     */
    @Bean
    static BeanPostProcessor hookRoutesFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RouterFunctionMapping mapping) {
                    mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
                }
                return bean;
            }
        };
    }
}
