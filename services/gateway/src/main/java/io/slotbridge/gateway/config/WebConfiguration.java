package io.slotbridge.gateway.config;

import org.springframework.boot.autoconfigure.web.reactive.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

/** How the gateway's HTTP handler is put together beyond Spring Boot's defaults. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    WebHttpHandlerBuilderCustomizer frozenCodecs(ServerCodecConfigurer configured) {
        return builder -> builder.codecConfigurer(new FrozenCodecs(configured));
    }
}
